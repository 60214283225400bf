/** Placeholder: filled in by the vendors domain work. */
export {};
