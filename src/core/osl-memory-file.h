/* osl-memory-file.h: a physical memory with its page tables, as JSON
 *
 *   {"format": "os-lens/memory", "version": 1, "mode": "x86-32",
 *    "cr3": "0x00100000", "wp": true, "nxe": true,
 *    "entries": [{"pa": "0x00100C08", "value": "0x00200007"}, …]}
 *
 * Each entry stores one table entry (4 bytes in the two 32-bit modes,
 * 8 otherwise) at physical address pa. With "mode": "ept", "guest_mode"
 * names the guest's paging mode, "cr3" is guest-physical, "eptp" points
 * to the EPT PML4, and every entry is at a host-physical address.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "osl-paging.h"

G_BEGIN_DECLS

#define OSL_MEMORY_FILE_FORMAT "os-lens/memory"
#define OSL_MEMORY_FILE_MAX_ENTRIES 100000

typedef struct
{
  OslPagingConfig  config;   /* the guest's, when nested */
  gboolean         nested;
  guint64          eptp;
  OslPhysMem      *mem;
} OslMemoryFile;

OslMemoryFile *osl_memory_file_new        (OslPagingMode         mode);
OslMemoryFile *osl_memory_file_copy       (const OslMemoryFile  *self);
void           osl_memory_file_free       (OslMemoryFile        *self);
OslMemoryFile *osl_memory_file_parse      (const char           *data,
                                           gssize                length,
                                           GError              **error);
OslMemoryFile *osl_memory_file_load       (const char           *path,
                                           GError              **error);
char          *osl_memory_file_to_data    (const OslMemoryFile  *self,
                                           gsize                *length);
gboolean       osl_memory_file_save       (const OslMemoryFile  *self,
                                           const char           *path,
                                           GError              **error);
guint          osl_memory_file_entry_size (const OslMemoryFile  *self);
gboolean       osl_memory_file_check_tables (const OslMemoryFile *self,
                                             GError             **error);

OslMemoryFile *osl_memory_file_new_from_ostep (const char          *command_line,
                                              GArray             **addresses,
                                              char               **questions,
                                              GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OslMemoryFile, osl_memory_file_free)

G_END_DECLS
