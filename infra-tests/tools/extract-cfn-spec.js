// Extracts the CloudFormation resource types template.yaml uses from @aws-cdk/aws-service-spec into
// src/test/resources/cfn-spec/resource-types.json: for each type, its properties (true when required) and its
// attributes. CfnResourceCheck reads that file; run this again after adding a resource type to the template:
//   cd infra-tests/tools && npm install --no-save @aws-cdk/aws-service-spec@0.1.216 && node extract-cfn-spec.js
const fs = require('fs');
const path = require('path');
const { loadAwsServiceSpec } = require('@aws-cdk/aws-service-spec');

const template = fs.readFileSync(path.join(__dirname, '../../template.yaml'), 'utf8');
const types = [...new Set([...template.matchAll(/^\s+Type:\s+(AWS::[A-Za-z0-9]+::[A-Za-z0-9]+)\s*$/gm)]
  .map(match => match[1]).filter(type => !type.startsWith('AWS::Serverless::')))].sort();
const version = require('@aws-cdk/aws-service-spec/package.json').version;

(async () => {
  const db = await loadAwsServiceSpec();
  const out = { source: `@aws-cdk/aws-service-spec@${version}`, types: {} };
  for (const type of types) {
    const found = db.lookup('resource', 'cloudFormationType', 'equals', type);
    if (found.length === 0) { console.error(`unknown type ${type}`); process.exitCode = 1; continue; }
    const spec = found.only();
    const properties = {};
    for (const [name, property] of Object.entries(spec.properties).sort()) properties[name] = !!property.required;
    out.types[type] = { properties, attributes: Object.keys(spec.attributes).sort() };
  }
  const target = path.join(__dirname, '../src/test/resources/cfn-spec/resource-types.json');
  fs.writeFileSync(target, JSON.stringify(out, null, 1) + '\n');
  console.log(`${types.length} types written to ${target}`);
})();
