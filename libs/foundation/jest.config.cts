module.exports = require('../../tools/build/jest-project.cjs')(__dirname);
