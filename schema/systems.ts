/** Placeholder: filled in by the systems domain work. */
export {};
