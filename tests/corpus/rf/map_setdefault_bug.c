/* map_setdefault_bug.c: get-or-create returning the borrowed entry.
 * config_section returns the section map for name, creating it if
 * missing. The "created" path returns its own new reference (the config
 * map holds another one), but the "found" path returns the config's
 * borrowed entry where a new reference is due. */
#include <rf.h>

rf_object *config_section(rf_object *config, rf_object *name)
{
    rf_object *section = rf_map_get(config, name);
    if (section == NULL) {
        section = rf_map_new();
        if (section == NULL)
            return NULL;
        if (rf_map_set(config, name, section) < 0) {
            RF_DECREF(section);
            return NULL;
        }
        return section;
    }
    return section; // expect: borrowed-return
}
