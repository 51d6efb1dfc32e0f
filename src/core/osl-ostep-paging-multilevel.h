/* osl-ostep-paging-multilevel.h: OSTEP's paging-multilevel-translate.py, exactly
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define OSL_OSTEP_PAGING_MULTILEVEL_PROGRAM "paging-multilevel-translate.py"

/* The script's fixed machine: 32-byte pages, a 15-bit virtual address
 * (5 bits of directory index, 5 of table index, 5 of offset), 128
 * physical pages, one-byte entries with VALID in bit 7. */
#define OSL_OSTEP_MULTILEVEL_PAGE_SIZE   32
#define OSL_OSTEP_MULTILEVEL_N_PAGES     128
#define OSL_OSTEP_MULTILEVEL_MEMORY_SIZE (OSL_OSTEP_MULTILEVEL_PAGE_SIZE * OSL_OSTEP_MULTILEVEL_N_PAGES)
#define OSL_OSTEP_MULTILEVEL_ENTRY_VALID 0x80
#define OSL_OSTEP_MULTILEVEL_ENTRY_UNUSED 0x7f

/* One invocation of paging-multilevel-translate.py: its options, the
 * physical memory it fills and the virtual addresses to translate. */
typedef struct
{
  gint64    seed;                 /* -s */
  gint64    n_allocated;          /* -a: virtual pages to map */
  gint64    n_random_addresses;   /* -n */
  gboolean  solve;                /* -c */

  guint8    memory[OSL_OSTEP_MULTILEVEL_MEMORY_SIZE];
  guint     pdbr;                 /* the page holding the page directory */
  guint16  *addresses;
  guint     n_addresses;
  GError   *defect;               /* why the script stops after its ARG lines */
} OslOstepPagingMultilevel;

typedef enum
{
  OSL_OSTEP_MULTILEVEL_TRANSLATED,
  OSL_OSTEP_MULTILEVEL_DIRECTORY_FAULT,  /* the PDE is not valid */
  OSL_OSTEP_MULTILEVEL_TABLE_FAULT,      /* the PTE is not valid */
} OslOstepMultilevelOutcome;

/* The walk of one address, every value the -c answer shows. */
typedef struct
{
  guint                     virtual_address;
  guint                     pde_index;
  guint                     pde_address;
  guint8                    pde;
  guint                     pte_index;
  guint                     pte_address;   /* when the PDE is valid */
  guint8                    pte;
  OslOstepMultilevelOutcome outcome;
  guint                     physical_address;  /* when translated */
  guint8                    value;
} OslOstepPagingMultilevelWalk;

gboolean osl_ostep_paging_multilevel_parse              (int                             argc,
                                                         char                          **argv,
                                                         OslOstepPagingMultilevel       *problem,
                                                         GError                        **error);
gboolean osl_ostep_paging_multilevel_parse_command_line (const char                     *command_line,
                                                         OslOstepPagingMultilevel       *problem,
                                                         GError                        **error);
void     osl_ostep_paging_multilevel_walk               (const OslOstepPagingMultilevel *problem,
                                                         guint                           virtual_address,
                                                         OslOstepPagingMultilevelWalk   *walk);
gboolean osl_ostep_paging_multilevel_print              (const OslOstepPagingMultilevel *problem,
                                                         gboolean                        show_solution,
                                                         GString                        *out,
                                                         GError                        **error);
int      osl_ostep_paging_multilevel_main               (int                             argc,
                                                         char                          **argv,
                                                         GString                        *out,
                                                         GString                        *err);
void     osl_ostep_paging_multilevel_clear              (OslOstepPagingMultilevel       *problem);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (OslOstepPagingMultilevel, osl_ostep_paging_multilevel_clear)

G_END_DECLS
