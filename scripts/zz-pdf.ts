import { launchChromium } from '../tests/support/browser';
const b = await launchChromium();
const p = await b.newPage();
await p.goto('file:///tmp/pt/t.html');
await p.pdf({ path: '/tmp/pt/t.pdf', preferCSSPageSize: true, printBackground: true });
console.log(b.version());
await b.close();
