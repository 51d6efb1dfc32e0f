/* osl-ept.h: Intel EPT and the two-dimensional (nested) page walk
 *
 * A guest in any paging mode walks its own tables with guest-physical
 * addresses; every one of them, and the final data address, goes through
 * a 4-level EPT walk first. Every memory reference is numbered in the
 * order the hardware makes it, so a 4-level guest makes
 * (4 + 1)(4 + 1) − 1 = 24 references (the data access itself not counted).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "osl-paging.h"

G_BEGIN_DECLS

#define OSL_EPT_LEVELS 4
#define OSL_EPT_MAX_REFERENCES 64

typedef struct
{
  guint    number;      /* 1, 2, … in the order of the walk */
  guint    row;         /* which guest-physical address is being translated */
  guint    column;      /* 0 … 3 = EPT PML4 … EPT PT, 4 = the guest entry */
  gboolean guest;       /* a read of a guest entry rather than an EPT entry */
  const char *level;   /* static */
  guint    index;
  guint64  gpa;         /* the guest-physical address this reference serves */
  guint64  entry_pa;    /* host-physical address of the entry */
  guint64  entry;
} OslEptReference;

typedef struct
{
  OslWalk          guest;   /* the guest's walk; a fault here is the guest's #PF */
  OslEptReference  refs[OSL_EPT_MAX_REFERENCES];
  guint            n_refs;
  guint            n_rows;
  guint64          gpa;     /* the guest-physical data address */
  guint64          hpa;     /* the host-physical data address */
  guint64          fault_gpa;           /* EPT faults: the GPA being translated */
  gboolean         fault_on_guest_table; /* … for a guest table, not the data */
  guint64          ept_reserved_mask;
} OslNestedWalk;

gboolean osl_ept_validate_eptp (guint64                eptp,
                                GError               **error);
void     osl_ept_walk          (OslPhysMem            *mem,
                                const OslPagingConfig *guest,
                                guint64                eptp,
                                guint64                va,
                                OslAccess              access,
                                OslNestedWalk         *walk);
guint    osl_ept_expected_references (guint guest_levels,
                                      guint nested_levels);

G_END_DECLS

G_BEGIN_DECLS

gboolean osl_ept_lookup (OslPhysMem *mem,
                         guint64     eptp,
                         guint64     gpa,
                         guint64    *hpa);
gboolean osl_ept_next_table (guint    level,
                             guint64  entry,
                             guint64 *next);

G_END_DECLS
