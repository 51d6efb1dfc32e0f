/* osl-phys-mem.h: a sparse, byte-addressable simulated physical memory
 *
 * Page-table entries live here little-endian at their real addresses,
 * so a walk step reads an actual entry at base + index × entry size.
 * Only 4 KiB frames that were written exist; reading anywhere else
 * gives zeros, as a freshly cleared frame would.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define OSL_PHYS_FRAME_SIZE 4096

typedef struct _OslPhysMem OslPhysMem;

OslPhysMem *osl_phys_mem_new          (void);
OslPhysMem *osl_phys_mem_copy         (const OslPhysMem *self);
void        osl_phys_mem_free         (OslPhysMem       *self);
guint8      osl_phys_mem_read_u8      (OslPhysMem       *self,
                                       guint64           pa);
void        osl_phys_mem_write_u8     (OslPhysMem       *self,
                                       guint64           pa,
                                       guint8            value);
guint64     osl_phys_mem_read         (OslPhysMem       *self,
                                       guint64           pa,
                                       guint             width);
void        osl_phys_mem_write        (OslPhysMem       *self,
                                       guint64           pa,
                                       guint             width,
                                       guint64           value);
gboolean    osl_phys_mem_has_frame    (OslPhysMem       *self,
                                       guint64           frame_pa);
void        osl_phys_mem_clear_frame  (OslPhysMem       *self,
                                       guint64           frame_pa);
GArray     *osl_phys_mem_list_frames  (OslPhysMem       *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OslPhysMem, osl_phys_mem_free)

G_END_DECLS
