/* osl-id-table.c: short ids interned as dense indices
 *
 * A review log names a card on every line; reading a million lines
 * means a million lookups among a hundred thousand ids, in no order a
 * cache can follow. A GHashTable reaches the key through three arrays
 * and a separately allocated string; here one slot holds the hash, the
 * index and the id's address, and the ids sit side by side in string
 * chunks, so a lookup usually costs two cache misses instead of four.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "osl-id-table.h"

#define INITIAL_SLOTS 64

typedef struct
{
  const char *id;      /* NULL for an empty slot */
  guint32     hash;
  guint32     index;
} Slot;

struct _OslIdTable
{
  Slot         *slots;
  guint32       mask;    /* number of slots − 1, a power of two minus one */
  GPtrArray    *ids;     /* index → id, borrowed from chunk */
  GStringChunk *chunk;
};

/* FNV-1a: ids are short, and differ in their last characters. */
static guint32
hash_id (const char *id,
         gsize       length)
{
  guint32 hash = 2166136261u;

  for (gsize i = 0; i < length; i++)
    hash = (hash ^ (guchar) id[i]) * 16777619u;
  return hash;
}

OslIdTable *
osl_id_table_new (void)
{
  OslIdTable *table = g_new0 (OslIdTable, 1);

  table->slots = g_new0 (Slot, INITIAL_SLOTS);
  table->mask = INITIAL_SLOTS - 1;
  table->ids = g_ptr_array_new ();
  table->chunk = g_string_chunk_new (64 * 1024);
  return table;
}

void
osl_id_table_free (OslIdTable *table)
{
  if (table == NULL)
    return;
  g_free (table->slots);
  g_ptr_array_unref (table->ids);
  g_string_chunk_free (table->chunk);
  g_free (table);
}

/* The slot that holds @id, or the empty one where it would go. */
static Slot *
find_slot (OslIdTable *table,
           const char *id,
           gsize       length,
           guint32     hash)
{
  for (guint32 i = hash & table->mask;; i = (i + 1) & table->mask)
    {
      Slot *slot = &table->slots[i];

      if (slot->id == NULL ||
          (slot->hash == hash && memcmp (slot->id, id, length) == 0 && slot->id[length] == '\0'))
        return slot;
    }
}

/* Doubles the slots, keeping the table at most half full so that
 * probes stay short. */
static void
grow (OslIdTable *table)
{
  Slot *old = table->slots;
  guint32 n_old = table->mask + 1;

  table->mask = n_old * 2 - 1;
  table->slots = g_new0 (Slot, n_old * 2);
  for (guint32 i = 0; i < n_old; i++)
    if (old[i].id != NULL)
      {
        guint32 j = old[i].hash & table->mask;

        while (table->slots[j].id != NULL)
          j = (j + 1) & table->mask;
        table->slots[j] = old[i];
      }
  g_free (old);
}

/**
 * osl_id_table_intern:
 * @id: the id, not necessarily NUL-terminated
 *
 * Returns: the index of @id, a new one (the number of ids before it)
 * when it was not in the table
 */
guint32
osl_id_table_intern (OslIdTable *table,
                     const char *id,
                     gsize       length)
{
  guint32 hash = hash_id (id, length);
  Slot *slot = find_slot (table, id, length, hash);

  if (slot->id != NULL)
    return slot->index;
  if (2 * (table->ids->len + 1) > table->mask + 1)
    {
      grow (table);
      slot = find_slot (table, id, length, hash);
    }
  slot->id = g_string_chunk_insert_len (table->chunk, id, length);
  slot->hash = hash;
  slot->index = table->ids->len;
  g_ptr_array_add (table->ids, (gpointer) slot->id);
  return slot->index;
}

/**
 * osl_id_table_lookup:
 *
 * Returns: the index of @id, or %OSL_ID_TABLE_NONE
 */
guint32
osl_id_table_lookup (OslIdTable *table,
                     const char *id,
                     gsize       length)
{
  Slot *slot = find_slot (table, id, length, hash_id (id, length));

  return slot->id != NULL ? slot->index : OSL_ID_TABLE_NONE;
}

const char *
osl_id_table_get (OslIdTable *table,
                  guint32     index)
{
  g_return_val_if_fail (index < table->ids->len, NULL);
  return g_ptr_array_index (table->ids, index);
}

guint
osl_id_table_get_size (OslIdTable *table)
{
  return table->ids->len;
}
