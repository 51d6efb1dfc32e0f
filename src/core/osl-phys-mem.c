/* osl-phys-mem.c: a sparse, byte-addressable simulated physical memory
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "osl-phys-mem-private.h"

OslPhysMem *
osl_phys_mem_new (void)
{
  OslPhysMem *self = g_new0 (OslPhysMem, 1);

  self->frames = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  /* No frame number reaches G_MAXUINT64, so every slot starts empty. */
  for (guint i = 0; i < OSL_PHYS_MEM_CACHE_SLOTS; i++)
    self->cache_frame[i] = G_MAXUINT64;
  return self;
}

OslPhysMem *
osl_phys_mem_copy (const OslPhysMem *self)
{
  OslPhysMem *copy = osl_phys_mem_new ();
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, self->frames);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy->frames,
                         g_memdup2 (key, sizeof (guint64)),
                         g_memdup2 (value, OSL_PHYS_FRAME_SIZE));
  return copy;
}

void
osl_phys_mem_free (OslPhysMem *self)
{
  if (self == NULL)
    return;
  g_hash_table_destroy (self->frames);
  g_free (self);
}

/* The slow path of _osl_phys_mem_frame_data(): only frames that exist
 * enter the cache, so a miss on an absent frame is never cached. */
guint8 *
_osl_phys_mem_lookup_frame (OslPhysMem *self,
                            guint64     frame,
                            gboolean    create)
{
  guint slot = frame % OSL_PHYS_MEM_CACHE_SLOTS;
  guint8 *data = g_hash_table_lookup (self->frames, &frame);

  if (data == NULL && create)
    {
      data = g_malloc0 (OSL_PHYS_FRAME_SIZE);
      g_hash_table_insert (self->frames, g_memdup2 (&frame, sizeof frame), data);
    }
  if (data != NULL)
    {
      self->cache_frame[slot] = frame;
      self->cache_data[slot] = data;
    }
  return data;
}

guint8
osl_phys_mem_read_u8 (OslPhysMem *self,
                      guint64     pa)
{
  guint8 *data = _osl_phys_mem_frame_data (self, pa / OSL_PHYS_FRAME_SIZE, FALSE);

  return data != NULL ? data[pa % OSL_PHYS_FRAME_SIZE] : 0;
}

void
osl_phys_mem_write_u8 (OslPhysMem *self,
                       guint64     pa,
                       guint8      value)
{
  _osl_phys_mem_frame_data (self, pa / OSL_PHYS_FRAME_SIZE, TRUE)[pa % OSL_PHYS_FRAME_SIZE] = value;
}

/* Reads @width bytes (1, 2, 4 or 8) little-endian. An aligned read stays
 * inside one frame, which is the common case for table entries. */
guint64
osl_phys_mem_read (OslPhysMem *self,
                   guint64     pa,
                   guint       width)
{
  guint64 value = 0;

  g_return_val_if_fail (width >= 1 && width <= 8, 0);
  if (pa % width == 0)
    {
      guint8 *data = _osl_phys_mem_frame_data (self, pa / OSL_PHYS_FRAME_SIZE, FALSE);

      if (data == NULL)
        return 0;
      memcpy (&value, data + pa % OSL_PHYS_FRAME_SIZE, width);
      return GUINT64_FROM_LE (value);
    }
  for (guint i = width; i > 0; i--)
    value = (value << 8) | osl_phys_mem_read_u8 (self, pa + i - 1);
  return value;
}

void
osl_phys_mem_write (OslPhysMem *self,
                    guint64     pa,
                    guint       width,
                    guint64     value)
{
  g_return_if_fail (width >= 1 && width <= 8);
  for (guint i = 0; i < width; i++)
    osl_phys_mem_write_u8 (self, pa + i, (value >> (8 * i)) & 0xFF);
}

gboolean
osl_phys_mem_has_frame (OslPhysMem *self,
                        guint64     frame_pa)
{
  return _osl_phys_mem_frame_data (self, frame_pa / OSL_PHYS_FRAME_SIZE, FALSE) != NULL;
}

void
osl_phys_mem_clear_frame (OslPhysMem *self,
                          guint64     frame_pa)
{
  guint8 *data = _osl_phys_mem_frame_data (self, frame_pa / OSL_PHYS_FRAME_SIZE, FALSE);

  if (data != NULL)
    memset (data, 0, OSL_PHYS_FRAME_SIZE);
}

static int
compare_u64 (gconstpointer a,
             gconstpointer b)
{
  guint64 x = *(const guint64 *) a, y = *(const guint64 *) b;

  return (x > y) - (x < y);
}

/* Returns the physical addresses of the frames that exist, sorted. */
GArray *
osl_phys_mem_list_frames (OslPhysMem *self)
{
  GArray *list = g_array_new (FALSE, FALSE, sizeof (guint64));
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, self->frames);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      guint64 pa = *(guint64 *) key * OSL_PHYS_FRAME_SIZE;

      g_array_append_val (list, pa);
    }
  g_array_sort (list, compare_u64);
  return list;
}
