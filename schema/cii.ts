/** Placeholder: filled in by the cii domain work. */
export {};
