package io.github.srboot.streamload;

import java.time.ZoneId;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The Jackson set-up that encodes rows for one zone: thread-safe and shared by every batch using that zone.
 */
final class RowCodec {

    final ObjectMapper mapper;

    final RowFields fields;

    final ZoneId zone;

    RowCodec(ObjectMapper base, ZoneId zone) {
        this.zone = zone;
        this.mapper = StarRocksJson.mapper(base, zone);
        this.fields = new RowFields(this.mapper);
    }

}
