/* report_assets.h: the HTML report's style sheet and script, embedded at
 * build time from tools/refflow/report_assets/ (cmake/EmbedAssets.cmake):
 * report_asset_NAME holds the text of NAME with '.' and '-' as '_',
 * NUL-terminated. */
#ifndef REFFLOW_REPORT_ASSETS_H
#define REFFLOW_REPORT_ASSETS_H

extern const char report_asset_report_css[];
extern const char report_asset_report_js[];

#endif
