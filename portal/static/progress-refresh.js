// Keeps a progress page current without reloading it: a page that refreshes itself on a timer is a
// time limit the reader cannot turn off (WCAG 2.2.1). While the page has a [data-refresh] region,
// the page is fetched again every 2 seconds and each [data-refresh-part] is brought up to date (the
// progress region is aria-live, so the change is announced). Once the work has ended, the main
// content is swapped whole: its success or problem banner is a role="alert" and announces itself.
// Without JavaScript the region's own "Check progress" link does the same by hand.
const main = () => document.querySelector('main');

async function poll() {
  try {
    const response = await fetch(location.href, {
      headers: { accept: 'text/html' },
      credentials: 'same-origin',
    });
    if (!response.ok) return;
    const next = new DOMParser().parseFromString(await response.text(), 'text/html');
    document.title = next.title;
    if (next.querySelector('[data-refresh]')) {
      for (const part of document.querySelectorAll('[data-refresh-part]')) {
        const fresh = next.getElementById(part.id);
        if (fresh && fresh.innerHTML !== part.innerHTML) part.innerHTML = fresh.innerHTML;
        for (const name of ['data-state']) {
          const value = fresh?.getAttribute(name);
          if (value !== null && value !== undefined) part.setAttribute(name, value);
        }
      }
      setTimeout(poll, 2000);
    } else if (main() && next.querySelector('main')) {
      main().innerHTML = next.querySelector('main').innerHTML;
    }
  } catch {
    setTimeout(poll, 5000);
  }
}

if (document.querySelector('[data-refresh]')) setTimeout(poll, 2000);
