// Writes dist/index.html from src/index.html, stamping the build time.
'use strict';
const fs = require('fs');
const path = require('path');

const source = path.join(__dirname, 'src', 'index.html');
const dist = path.join(__dirname, 'dist');

fs.rmSync(dist, { recursive: true, force: true });
fs.mkdirSync(dist, { recursive: true });
const html = fs.readFileSync(source, 'utf8').replace('{{BUILT_AT}}', new Date().toISOString());
fs.writeFileSync(path.join(dist, 'index.html'), html);
console.log('built dist/index.html');
