/** Placeholder: filled in by the personnel domain work. */
export {};
