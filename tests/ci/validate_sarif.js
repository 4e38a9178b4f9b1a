// validate_sarif.js: validates SARIF files against the official SARIF 2.1.0
// JSON schema with ajv (+ ajv-formats), offline.
// usage: node validate_sarif.js NODE_MODULES_DIR SCHEMA FILE.sarif...
// Prints "ok FILE" or the schema errors of each file; exits 1 if any fails.
'use strict';
const fs = require('fs');
const path = require('path');

const [modules, schemaPath, ...files] = process.argv.slice(2);
const Ajv = require(path.join(modules, 'ajv'));
const addFormats = require(path.join(modules, 'ajv-formats'));

// ajv's defaults: draft-07 (the schema's draft), strict schema checks;
// ajv-formats checks "uri", "uri-reference", "date-time", ...
const ajv = new Ajv({ allErrors: true });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaPath, 'utf8')));

let failed = 0;
for (const f of files) {
  let doc;
  try {
    doc = JSON.parse(fs.readFileSync(f, 'utf8'));
  } catch (e) {
    console.log(`FAIL ${f}: not JSON: ${e.message}`);
    failed++;
    continue;
  }
  if (validate(doc)) {
    console.log(`ok ${f}`);
  } else {
    failed++;
    console.log(`FAIL ${f}`);
    for (const e of validate.errors) console.log(`  ${e.instancePath || '/'} ${e.message}`);
  }
}
process.exit(failed ? 1 : 0);
