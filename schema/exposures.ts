/** Placeholder: filled in by the exposures domain work. */
export {};
