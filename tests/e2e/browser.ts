// What the end-to-end tests and the benchmark share: Debian's Chromium
// (Playwright never downloads a browser) and a plain static server that
// serves a build from the sub-path /comeback/, as GitHub Pages does.

export const chromium = {
  browserName: 'chromium' as const,
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  },
};

/** The `baseURL` of the app served on `port`. */
export const appURL = (port: number) => `http://127.0.0.1:${port}/comeback/`;

/** A `webServer` entry: python's static server on `port` for the folder holding `comeback/`. */
export function staticServer(port: number, site: string) {
  return {
    command: `python3 -m http.server ${port} --bind 127.0.0.1 --directory "${site}"`,
    url: appURL(port),
    reuseExistingServer: false,
    stdout: 'ignore' as const,
    stderr: 'ignore' as const,
  };
}
