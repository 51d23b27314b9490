// Types only: see vue.d.ts (Vue templates learn <trending-papers>). Importing this at run time does nothing.
export {};
