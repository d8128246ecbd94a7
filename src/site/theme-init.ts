/**
 * Applies the stored colour scheme before the first paint (no flash of the wrong theme). It runs
 * inline in <head>, so it is one of the few scripts Astro does not process: the kb integration
 * adds its hash to every page's Content-Security-Policy (src/lib/csp.ts). Storage may be blocked
 * (private mode, a policy): then the page follows the system's scheme.
 */
export const THEME_INIT = `try{var t=localStorage.getItem('kb-theme');if(t==='dark'||t==='light')document.documentElement.dataset.theme=t}catch(e){}`;
