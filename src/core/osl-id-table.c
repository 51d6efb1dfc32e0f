/* osl-id-table.c: short ids interned as dense indices
 *
 * A review log names a card on every line; reading a million lines
 * means a million lookups among a hundred thousand ids, in no order a
 * cache can follow. A GHashTable reaches the key through three arrays
 * and a separately allocated string; here one 32-byte slot holds the
 * hash, the index and, for ids of up to 22 bytes, the id itself, so a
 * lookup usually costs one cache miss instead of four.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "osl-id-table.h"

#define INITIAL_SLOTS 64
/* Ids this short live in their slot: most lookups then touch one cache
 * line, not a slot and then a string elsewhere. */
#define INLINE_LENGTH 22

typedef struct
{
  guint32  hash;
  guint32  index;     /* the id's index + 1; 0 for an empty slot */
  guint8   length;
  char     inline_id[INLINE_LENGTH + 1];
} Slot;

struct _OslIdTable
{
  Slot         *slots;
  guint32       mask;    /* number of slots − 1, a power of two minus one */
  GPtrArray    *ids;     /* index → id, in chunk */
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

static gboolean
slot_holds (OslIdTable *table,
            const Slot *slot,
            const char *id,
            gsize       length,
            guint32     hash)
{
  const char *stored;

  if (slot->hash != hash || slot->length != length)
    return FALSE;
  stored = length <= INLINE_LENGTH ? slot->inline_id : g_ptr_array_index (table->ids, slot->index - 1);
  return memcmp (stored, id, length) == 0;
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

      if (slot->index == 0 || slot_holds (table, slot, id, length, hash))
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
    if (old[i].index != 0)
      {
        guint32 j = old[i].hash & table->mask;

        while (table->slots[j].index != 0)
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
  Slot *slot;

  g_return_val_if_fail (length <= G_MAXUINT8, OSL_ID_TABLE_NONE);

  slot = find_slot (table, id, length, hash);
  if (slot->index != 0)
    return slot->index - 1;
  if (2 * (table->ids->len + 1) > table->mask + 1)
    {
      grow (table);
      slot = find_slot (table, id, length, hash);
    }
  slot->hash = hash;
  slot->length = length;
  if (length <= INLINE_LENGTH)
    {
      memcpy (slot->inline_id, id, length);
      slot->inline_id[length] = '\0';
    }
  g_ptr_array_add (table->ids, g_string_chunk_insert_len (table->chunk, id, length));
  slot->index = table->ids->len;
  return slot->index - 1;
}

/**
 * osl_id_table_prefetch:
 *
 * Starts loading the slot of @id into the cache, so that interning it
 * a little later does not wait for memory.
 */
void
osl_id_table_prefetch (OslIdTable *table,
                       const char *id,
                       gsize       length)
{
#ifdef __GNUC__
  __builtin_prefetch (&table->slots[hash_id (id, length) & table->mask]);
#endif
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
  Slot *slot;

  if (length > G_MAXUINT8)
    return OSL_ID_TABLE_NONE;
  slot = find_slot (table, id, length, hash_id (id, length));
  return slot->index != 0 ? slot->index - 1 : OSL_ID_TABLE_NONE;
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
