#!/usr/bin/env node
/*
 * Every Incident Manager resource in the template of the replication set waits for it (DependsOn):
 * the library adds the dependency with the method aws-cdk-lib has (addResourceDependency on newer
 * versions, addDependency on the floor), so that the newest aws-cdk-lib is checked here as the floor
 * is in the tests. Usage: waits-for-replication-set.js <template.json>...; prints what it checked.
 */
const fs = require('fs');
let checked = 0;
for (const file of process.argv.slice(2)) {
  const resources = JSON.parse(fs.readFileSync(file, 'utf-8')).Resources ?? {};
  const set = Object.keys(resources).find((id) => resources[id].Type === 'AWS::SSMIncidents::ReplicationSet');
  if (!set) continue;
  for (const [id, r] of Object.entries(resources)) {
    if (id === set || !/^AWS::(SSMIncidents|SSMContacts)::/.test(r.Type)) continue;
    const dependsOn = [].concat(r.DependsOn ?? []);
    if (!dependsOn.includes(set)) {
      console.error(`${file}: ${id} (${r.Type}) does not wait for the replication set ${set}`);
      process.exit(1);
    }
    checked++;
  }
}
if (checked === 0) {
  console.error('no Incident Manager resource beside a replication set in these templates');
  process.exit(1);
}
console.log(`${checked} Incident Manager resources wait for the replication set of their template`);
