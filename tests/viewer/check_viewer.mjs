// Opens a policygraph index.html in headless Chromium (playwright-core from
// viewer/node_modules, the browser given on the command line) and checks it
// the way a reader uses it.  Exits 0 when every check passes, 1 with the
// failures listed otherwise, 2 on a usage or launch error.
//
//   node check_viewer.mjs corpus  PAGE CHROMIUM [SCREENSHOT.png]
//       the bundled corpus: nodes render, search finds 渝府发〔2023〕7号,
//       its details show evidence lines (file:line) and its coverage
//   node check_viewer.mjs hostile PAGE CHROMIUM [SCREENSHOT.png]
//       a graph whose titles are markup: they show as text, nothing runs
//
// Runs offline: any request the page makes is a failure, since the page
// must carry everything it needs.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(here, '../../viewer/package.json'));

const [mode, page, chromiumPath, screenshot] = process.argv.slice(2);
if (!['corpus', 'hostile'].includes(mode) || !page || !chromiumPath) {
  console.error('usage: node check_viewer.mjs corpus|hostile PAGE CHROMIUM [SCREENSHOT.png]');
  process.exit(2);
}

const failures = [];
function check(ok, message) {
  if (!ok) failures.push(message);
}

const { chromium } = require('playwright-core');
let browser;
try {
  // CI runs as root, where Chromium refuses its sandbox.
  browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
} catch (error) {
  console.error(`cannot launch ${chromiumPath}: ${error.message}`);
  process.exit(2);
}

try {
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  const tab = await context.newPage();
  const errors = [];
  tab.on('pageerror', (error) => errors.push(String(error)));
  tab.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  tab.on('dialog', (dialog) => {
    errors.push(`a dialog opened: ${dialog.message()}`);
    dialog.dismiss();
  });
  const requests = [];
  tab.on('request', (request) => {
    if (!request.url().startsWith('file:') && !request.url().startsWith('data:'))
      requests.push(request.url());
  });

  const started = Date.now();
  await tab.goto(pathToFileURL(path.resolve(page)).href);
  await tab.waitForFunction(() => window.pgViewer && window.pgViewer.ready, null, { timeout: 20000 });
  const loadMs = Date.now() - started;
  const shown = await tab.evaluate(() => {
    const cy = window.pgViewer.cy;
    const extent = cy.extent();
    const inView = cy.nodes(':visible').filter((n) => {
      const p = n.position();
      return p.x >= extent.x1 && p.x <= extent.x2 && p.y >= extent.y1 && p.y <= extent.y2;
    });
    return { nodes: cy.nodes(':visible').length, edges: cy.edges(':visible').length,
             inView: inView.length, scriptMs: window.pgViewer.loadMs };
  });
  check(shown.nodes > 0, 'no visible node');
  check(shown.inView === shown.nodes, `${shown.nodes - shown.inView} nodes outside the first view`);
  // The canvas has drawn something: not every pixel of the diagram is white.
  const png = await tab.locator('#cy').screenshot();
  check(png.length > 20000, `the diagram looks blank (${png.length}-byte screenshot)`);

  if (mode === 'corpus') {
    await tab.fill('#search', '渝府发〔2023〕7号');
    const status = await tab.textContent('#search-status');
    check(/found/.test(status) && !/not found/.test(status), `search status says "${status}"`);
    await tab.press('#search', 'Enter');
    const chosen = await tab.evaluate(() => window.pgViewer.cy.$('node:selected').map((n) => n.id()));
    check(chosen.length === 1 && chosen[0] === '渝府发〔2023〕7号', `selected ${JSON.stringify(chosen)}`);
    const details = await tab.textContent('#details');
    check(details.includes('重庆市人民政府关于加快推进以卫星互联网为引领的空天信息产业高质量发展的意见'),
      'the details panel lacks the title');
    // The 2024 plan cites it with 根据 (basis), line 47 of that gazette.
    check(/cq-gazette-2024-06\.txt:\d+/.test(details), 'the details panel shows no evidence line');
    check(details.includes('根据'), 'the details panel lacks the cue 根据');
    check(/coverage: \d+ of \d+ directives/.test(details), 'the details panel lacks the coverage');
    // A bracket spelling the user types also finds it.
    const ascii = await tab.evaluate(() => window.pgViewer.search('渝府发[2023]7号'));
    check(ascii[0] === '渝府发〔2023〕7号', `渝府发[2023]7号 finds ${JSON.stringify(ascii)}`);
    // Lineage of a district plan reaches municipal and national documents.
    const levels = await tab.evaluate(() => {
      const lineage = window.pgViewer.lineage('合川府办发〔2023〕23号');
      return lineage.ancestors.map((step) => step.node.data('level'));
    });
    check(levels.includes('municipal'), `合川府办发〔2023〕23号 ancestors: ${JSON.stringify(levels)}`);
  } else {
    await tab.fill('#search', 'hostile');
    await tab.press('#search', 'Enter');
    const details = await tab.textContent('#details');
    check(details.includes('</script><script>window.__pwned = 1</script>'),
      'the hostile title is not shown as text');
    check(details.includes('<img src=x onerror="window.__pwned = 2">'),
      'the hostile evidence is not shown as text');
    const injected = await tab.evaluate(() => ({
      pwned: window.__pwned,
      images: document.querySelectorAll('img').length,
      scripts: document.querySelectorAll('script').length,
    }));
    check(injected.pwned === undefined, `injected script ran (window.__pwned = ${injected.pwned})`);
    check(injected.images === 0, `${injected.images} injected <img> elements`);
    check(injected.scripts === 3, `${injected.scripts} <script> elements, expected 3`);
  }

  if (screenshot) await tab.screenshot({ path: screenshot });
  check(errors.length === 0, `page errors: ${errors.join(' | ')}`);
  check(requests.length === 0, `network requests: ${requests.join(' ')}`);
  console.log(JSON.stringify({ mode, loadMs, ...shown }));
} catch (error) {
  failures.push(String(error && error.stack || error));
} finally {
  await browser.close();
}

if (failures.length) {
  for (const failure of failures) console.error(`FAIL: ${failure}`);
  process.exit(1);
}
console.log('ok');
