/* test-cloud-lab.c: the EC2 lab of cards 50–57
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "osl-cloud-lab.h"

static void
test_walkthrough (void)
{
  g_autoptr(OslCloudLab) lab = osl_cloud_lab_new ("alice", "0.0.0.0/0", NULL);
  g_autofree char *picture = NULL;

  g_assert_nonnull (lab);
  g_assert_null (osl_cloud_lab_current (lab));
  g_assert_false (osl_cloud_lab_has (lab, OSL_CLOUD_SECURITY_GROUP));
  g_assert_true (osl_cloud_lab_step (lab));
  g_assert_true (osl_cloud_lab_has (lab, OSL_CLOUD_SECURITY_GROUP));
  g_assert_false (osl_cloud_lab_has (lab, OSL_CLOUD_INGRESS_RULE));
  g_assert_cmpstr (osl_cloud_lab_current (lab)->command, ==,
                   "aws ec2 create-security-group --group-name alice-sg --description \"security group for "
                   "development environment\"");
  g_assert_cmpstr (osl_cloud_lab_current (lab)->card, ==, "50");
  osl_cloud_lab_step (lab);
  g_assert_cmpstr (osl_cloud_lab_current (lab)->command, ==,
                   "aws ec2 authorize-security-group-ingress --group-name alice-sg --protocol tcp --port 22 "
                   "--cidr 0.0.0.0/0");
  g_assert_nonnull (osl_cloud_lab_current (lab)->warning);
  osl_cloud_lab_step (lab);
  osl_cloud_lab_step (lab);
  g_assert_nonnull (strstr (osl_cloud_lab_current (lab)->command, "chmod 400"));
  g_assert_nonnull (strstr (osl_cloud_lab_current (lab)->explanation, "owner only"));
  while (osl_cloud_lab_step (lab))
    ;
  g_assert_cmpuint (lab->position, ==, OSL_CLOUD_N_STEPS);
  g_assert_true (osl_cloud_lab_has (lab, OSL_CLOUD_CONTAINER));
  g_assert_cmpstr (lab->steps[OSL_CLOUD_DOCKER_ENABLED].command, ==, "sudo systemctl enable docker");
  g_assert_true (g_str_has_prefix (lab->public_ip, "203.0.113."));
  g_assert_true (g_str_has_prefix (lab->instance_id, "i-0"));
  picture = osl_cloud_lab_final_picture (lab);
  g_assert_nonnull (strstr (picture, "Type 1 hypervisor"));
  g_assert_true (osl_cloud_lab_step_back (lab));
  g_assert_false (osl_cloud_lab_has (lab, OSL_CLOUD_CONTAINER));
}

static void
test_safe_cidr_has_no_warning (void)
{
  g_autoptr(OslCloudLab) lab = osl_cloud_lab_new ("bob", "198.51.100.7/32", NULL);

  g_assert_null (lab->steps[OSL_CLOUD_INGRESS_RULE].warning);
  g_assert_nonnull (strstr (lab->steps[OSL_CLOUD_INGRESS_RULE].command, "--cidr 198.51.100.7/32"));
}

/* Ids follow from the student name: the same lab replays the same way. */
static void
test_deterministic_ids (void)
{
  g_autoptr(OslCloudLab) a = osl_cloud_lab_new ("carol", "0.0.0.0/0", NULL);
  g_autoptr(OslCloudLab) b = osl_cloud_lab_new ("carol", "0.0.0.0/0", NULL);
  g_autoptr(OslCloudLab) c = osl_cloud_lab_new ("dave", "0.0.0.0/0", NULL);

  g_assert_cmpstr (a->instance_id, ==, b->instance_id);
  g_assert_cmpstr (a->group_id, ==, b->group_id);
  g_assert_cmpstr (a->instance_id, !=, c->instance_id);
}

static void
test_bad_input (void)
{
  const char *bad_cidrs[] = { "0.0.0.0", "300.1.1.1/32", "1.2.3.4/33", "a.b.c.d/8", "", NULL };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; bad_cidrs[i] != NULL; i++)
    {
      g_autoptr(GError) cidr_error = NULL;
      g_assert_false (osl_cloud_lab_check_cidr (bad_cidrs[i], &cidr_error));
      g_assert_error (cidr_error, OSL_CLOUD_LAB_ERROR, OSL_CLOUD_LAB_ERROR_CIDR);
    }
  g_assert_null (osl_cloud_lab_new ("Alice Smith", "0.0.0.0/0", &error));
  g_assert_error (error, OSL_CLOUD_LAB_ERROR, OSL_CLOUD_LAB_ERROR_STUDENT);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cloud-lab/walkthrough", test_walkthrough);
  g_test_add_func ("/cloud-lab/safe-cidr", test_safe_cidr_has_no_warning);
  g_test_add_func ("/cloud-lab/deterministic-ids", test_deterministic_ids);
  g_test_add_func ("/cloud-lab/bad-input", test_bad_input);
  return g_test_run ();
}
