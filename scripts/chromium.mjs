// The one place that says which browser every tool here starts and how: Debian's Chromium (no tool
// may download its own), as root, without a GPU, with no background traffic to hosts we cannot reach.
export const CHROMIUM = process.env.CHROME_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];
