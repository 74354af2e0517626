/** Vite lets modules import stylesheets for their side effect. */
declare module '*.css';
