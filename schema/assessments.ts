/** Placeholder: filled in by the assessments domain work. */
export {};
