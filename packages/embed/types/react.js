// Types only: see react.d.ts (React's JSX learns <trending-papers>). Importing this at run time does nothing.
export {};
