package io.github.srboot.streamload;

import java.time.ZoneId;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializerProvider;

/**
 * The Jackson pieces that encode rows for one zone: thread-safe and shared by every batch using that zone.
 */
final class RowCodec {

    final ObjectMapper mapper;

    final ObjectWriter writer;

    final JsonFactory factory;

    final SerializerProvider provider;

    final RowFields fields;

    final ZoneId zone;

    RowCodec(ObjectMapper base, ZoneId zone) {
        this.zone = zone;
        this.mapper = StarRocksJson.mapper(base, zone);
        this.writer = this.mapper.writer();
        this.factory = this.mapper.getFactory();
        this.provider = this.mapper.getSerializerProviderInstance();
        this.fields = new RowFields(this.mapper);
    }

}
