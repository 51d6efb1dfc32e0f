/* osl-id-table.h: short ids interned as dense indices
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define OSL_ID_TABLE_NONE G_MAXUINT32

typedef struct _OslIdTable OslIdTable;

OslIdTable  *osl_id_table_new       (void);
void         osl_id_table_free      (OslIdTable  *table);
guint32      osl_id_table_intern    (OslIdTable  *table,
                                     const char  *id,
                                     gsize        length);
void         osl_id_table_prefetch  (OslIdTable  *table,
                                     const char  *id,
                                     gsize        length);
guint32      osl_id_table_lookup    (OslIdTable  *table,
                                     const char  *id,
                                     gsize        length);
const char  *osl_id_table_get       (OslIdTable  *table,
                                     guint32      index);
guint        osl_id_table_get_size  (OslIdTable  *table);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OslIdTable, osl_id_table_free)

G_END_DECLS
