/* osl-phys-mem-private.h: the walk's fast path into physical memory
 *
 * A walk reads four or five entries per translation, nearly always from
 * the same few frames; reading them through an inline look-up in the
 * frame cache, rather than a call per byte range, is what keeps ten
 * million walks far under a second.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <string.h>

#include "osl-phys-mem.h"

G_BEGIN_DECLS

/* A small direct-mapped cache in front of the hash table of frames. */
#define OSL_PHYS_MEM_CACHE_SLOTS 64

struct _OslPhysMem
{
  GHashTable *frames;   /* frame number (guint64 *) → guint8[4096] */
  guint64     cache_frame[OSL_PHYS_MEM_CACHE_SLOTS];   /* G_MAXUINT64: empty */
  guint8     *cache_data[OSL_PHYS_MEM_CACHE_SLOTS];
};

guint8 *_osl_phys_mem_lookup_frame (OslPhysMem *self,
                                    guint64     frame,
                                    gboolean    create);

/* The bytes of frame number @frame, or NULL when it was never written. */
static inline guint8 *
_osl_phys_mem_frame_data (OslPhysMem *self,
                          guint64     frame,
                          gboolean    create)
{
  guint slot = frame % OSL_PHYS_MEM_CACHE_SLOTS;

  if (G_LIKELY (self->cache_frame[slot] == frame))
    return self->cache_data[slot];
  return _osl_phys_mem_lookup_frame (self, frame, create);
}

/* Reads a table entry of @width bytes (4 or 8), little-endian, at an
 * address aligned to @width, as every x86 table entry is. */
static inline guint64
_osl_phys_mem_read_entry (OslPhysMem *self,
                          guint64     pa,
                          guint       width)
{
  const guint8 *data = _osl_phys_mem_frame_data (self, pa / OSL_PHYS_FRAME_SIZE, FALSE);
  guint32 narrow;
  guint64 wide;

  if (data == NULL)
    return 0;
  if (width == 4)
    {
      memcpy (&narrow, data + pa % OSL_PHYS_FRAME_SIZE, 4);
      return GUINT32_FROM_LE (narrow);
    }
  memcpy (&wide, data + pa % OSL_PHYS_FRAME_SIZE, 8);
  return GUINT64_FROM_LE (wide);
}

/* Stores an entry as _osl_phys_mem_read_entry() reads it. */
static inline void
_osl_phys_mem_write_entry (OslPhysMem *self,
                           guint64     pa,
                           guint       width,
                           guint64     value)
{
  guint8 *data = _osl_phys_mem_frame_data (self, pa / OSL_PHYS_FRAME_SIZE, TRUE);
  guint32 narrow = GUINT32_TO_LE ((guint32) value);
  guint64 wide = GUINT64_TO_LE (value);

  if (width == 4)
    memcpy (data + pa % OSL_PHYS_FRAME_SIZE, &narrow, 4);
  else
    memcpy (data + pa % OSL_PHYS_FRAME_SIZE, &wide, 8);
}

G_END_DECLS
