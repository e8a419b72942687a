// The result schema (JSON values, the writer and parser, file names, SHA-256) is part of Cakupan's
// public API: users of the library see it without importing the schema module themselves.
@_exported import CakupanSchema
