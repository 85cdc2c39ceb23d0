// The theme the page shows (App sets it as <html data-theme>), read reactively: a chart drawn in the
// theme's colours, which CSS cannot restyle once drawn, is drawn again when the theme changes.
import { createSubscriber } from 'svelte/reactivity';
import type { Theme } from '../charts/series-colors';

const subscribe = createSubscriber((update) => {
  const observer = new MutationObserver(update);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  return () => observer.disconnect();
});

/** The current theme; inside an effect or a derived, they re-run when it changes. */
export function documentTheme(): Theme {
  subscribe();
  return document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light';
}
