/* store_schema.h: the database schema, compiled in from analyzer/schema/
 * (one NAME.sql per table) by cmake/EmbedSchema.cmake. Internal to the
 * store. Both arrays are NULL-terminated and in file-name order; entry i of
 * store_schema_sql is the text of store_schema_names[i].sql. Static storage. */
#ifndef REFFLOW_STORE_SCHEMA_H
#define REFFLOW_STORE_SCHEMA_H

extern const char *const store_schema_names[];
extern const char *const store_schema_sql[];

#endif
