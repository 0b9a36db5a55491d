import { cpSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig, type Plugin } from 'vite';

const require = createRequire(import.meta.url);

/**
 * GOV.UK Frontend's CSS asks for its fonts and images at /assets/…: copy them, and its script,
 * from the package into static/assets (ignored by git) so this app serves them itself, at the
 * version it builds with.
 */
function govukAssets(): Plugin {
  const copy = () => {
    const govuk = join(dirname(require.resolve('govuk-frontend/package.json')), 'dist', 'govuk');
    const target = fileURLToPath(new URL('./static/assets', import.meta.url));
    cpSync(join(govuk, 'assets'), target, { recursive: true });
    cpSync(join(govuk, 'govuk-frontend.min.js'), join(target, 'govuk-frontend.min.js'));
  };
  return { name: 'footprint:govuk-assets', enforce: 'pre', config: copy };
}

export default defineConfig({
  plugins: [govukAssets(), sveltekit()],
  // GOV.UK Frontend's CSS still carries old Internet Explorer hacks (`@media screen\0`) that
  // lightningcss refuses; recovering drops just those rules, which modern browsers ignore anyway.
  css: { lightningcss: { errorRecovery: true } },
});
