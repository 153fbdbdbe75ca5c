// Run by the Job mongo-init (mongosh --nodb --file). Safe to run again at any time:
//   1. waits until the three members answer;
//   2. initiates the replica set rs0 unless a member already belongs to it;
//   3. waits for a primary, then creates the services' user (readWrite on each service's
//      database) and the backup user (the built-in role backup, which reads everything and
//      writes nothing; used by the CronJob mongo-backup), or brings their passwords and roles
//      up to date.
const namespace = process.env.POD_NAMESPACE;
const setName = 'rs0';
const hosts = [0, 1, 2].map((i) => `mongo-${i}.mongo.${namespace}.svc.cluster.local:27017`);
// One database per service; the gateway keeps evidence files in its own (GridFS).
const databases = ['identity', 'planning', 'applications', 'notifications', 'gateway'];

const root = {
  user: encodeURIComponent(process.env.MONGO_INITDB_ROOT_USERNAME),
  password: encodeURIComponent(process.env.MONGO_INITDB_ROOT_PASSWORD),
};
const app = { user: process.env.MONGO_APP_USERNAME, pwd: process.env.MONGO_APP_PASSWORD };
const backup = { user: process.env.MONGO_BACKUP_USERNAME, pwd: process.env.MONGO_BACKUP_PASSWORD };

// hello needs no login, so the members can be asked before any user can log in to them.
function hello(host) {
  for (;;) {
    try {
      return new Mongo(`mongodb://${host}/?directConnection=true`).getDB('admin').hello();
    } catch (err) {
      print(`waiting for ${host}: ${err.message}`);
      sleep(5000);
    }
  }
}

const initiated = hosts.map(hello).some((h) => h.setName === setName);
if (initiated) {
  print(`replica set ${setName} is already initiated`);
} else {
  const first = new Mongo(`mongodb://${root.user}:${root.password}@${hosts[0]}/?directConnection=true&authSource=admin`);
  const members = hosts.map((host, i) => ({ _id: i, host }));
  const result = first.getDB('admin').runCommand({ replSetInitiate: { _id: setName, members } });
  if (!result.ok) throw new Error(`replSetInitiate failed: ${result.errmsg}`);
  print(`replica set ${setName} initiated with ${hosts.join(', ')}`);
}

while (!hosts.map(hello).some((h) => h.isWritablePrimary)) {
  print('waiting for a primary');
  sleep(2000);
}

const admin = new Mongo(`mongodb://${root.user}:${root.password}@${hosts.join(',')}/?replicaSet=${setName}&authSource=admin`).getDB('admin');
function ensureUser({ user, pwd }, roles) {
  if (admin.getUser(user)) {
    admin.updateUser(user, { pwd, roles });
    print(`user ${user} updated`);
  } else {
    admin.createUser({ user, pwd, roles });
    print(`user ${user} created`);
  }
}
ensureUser(app, databases.map((db) => ({ role: 'readWrite', db })));
ensureUser(backup, [{ role: 'backup', db: 'admin' }]);
