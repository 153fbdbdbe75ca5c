module.exports = require('../../tools/build/nest-service.webpack')(__dirname);
