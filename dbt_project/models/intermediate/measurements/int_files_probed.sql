-- One row per files.csv row: the file it lists, as measured from its bytes, or the reason
-- it could not be measured.
select
    files.file_row_key as media_key,
    files.contest_code as contest_code,
    files.edition_year as edition_year,
    files.entry_id as entry_id,
    files.case_no as case_no,
    files.interaction_no as interaction_no,
    files.kind as kind,
    coalesce(media.relative_path, files.relative_path) as relative_path,
    media.detected_format as detected_format,
    media.extension_format as extension_format,
    coalesce(media.detected_format <> media.extension_format, false) as extension_mismatch,
    media.codec as codec,
    media.duration_seconds as duration_seconds,
    media.duration_method as duration_method,
    media.header_duration_seconds as header_duration_seconds,
    media.bitrate as bitrate,
    media.sample_rate as sample_rate,
    media.channels as channels,
    media.has_video as has_video,
    media.pages as pages,
    media.width as width,
    media.height as height,
    media.size_bytes as size_bytes,
    media.sha256 as sha256,
    case
        when files.relative_path is null then 'no_path'
        else coalesce(media.probe_status, 'not_probed')
    end as probe_status,
    case
        when files.relative_path is null then 'the files.csv row gives no path'
        when media.probe_status is null then 'no probe was recorded for this path'
        else media.probe_error
    end as probe_error,
    files.source_file as source_file,
    files.source_row as source_row
from {{ ref('stg_raw__files') }} as files
left join {{ ref('stg_raw__media') }} as media
    on
        media.contest_code = files.contest_code
        and media.edition_year = files.edition_year
        and media.listed_path = files.relative_path
