// Keeps every core module a valid OBJECT library even before it has sources.
