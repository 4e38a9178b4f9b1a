/* use_after_unref_ok.c: the status is read before the job is released (the
 * fixed twin of use_after_unref_bug.c). */
#include <glib-object.h>

#define ACME_TYPE_JOB (acme_job_get_type())
G_DECLARE_FINAL_TYPE(AcmeJob, acme_job, ACME, JOB, GObject)

struct _AcmeJob {
    GObject parent_instance;
    int status;
};

int run_job(void)
{
    AcmeJob *job = g_object_new(ACME_TYPE_JOB, NULL);
    job->status = 0;
    int status = job->status;
    g_object_unref(job);
    return status;
}
