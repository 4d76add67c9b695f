package io.github.srboot.kafka;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

import io.github.srboot.streamload.CheckpointLabels;

/**
 * The label of the load that carries a range of one partition's records into one table:
 * {@code CheckpointLabels.of(prefix, table, "<topic>_<partition>_<first offset>_<last offset>")}. The same records
 * always get the same label, so a replayed range is answered {@code Label Already Exists} by StarRocks (as long as
 * it still keeps the label).
 */
final class KafkaLabels {

    /** Longest topic part kept as it is; a longer one is cut and given a checksum. */
    static final int MAX_TOPIC_PART = 40;

    private KafkaLabels() {
    }

    /** The label of records {@code first..last} (offsets, inclusive) of a partition, loaded into {@code table}. */
    static String of(String prefix, String table, String topic, int partition, long first, long last) {
        return CheckpointLabels.of(prefix, tablePart(table), topicPart(topic) + "_" + partition + "_" + first + "_"
                + last);
    }

    /** The table's name without its database (labels are per database already). */
    static String tablePart(String table) {
        return table.substring(table.lastIndexOf('.') + 1);
    }

    /**
     * The topic as label characters: a topic that uses characters labels do not allow ({@code .}) or is long is
     * rewritten and given the checksum of its real name, so that two topics never share a part.
     */
    static String topicPart(String topic) {
        StringBuilder part = new StringBuilder(topic.length());
        for (int i = 0; i < topic.length(); i++) {
            char c = topic.charAt(i);
            boolean allowed = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'
                    || c == '-';
            part.append(allowed ? c : '_');
        }
        if (part.toString().equals(topic) && topic.length() <= MAX_TOPIC_PART) {
            return topic;
        }
        CRC32 checksum = new CRC32();
        checksum.update(topic.getBytes(StandardCharsets.UTF_8));
        String kept = (part.length() > MAX_TOPIC_PART - 8) ? part.substring(0, MAX_TOPIC_PART - 8) : part.toString();
        return kept + "-" + Long.toString(checksum.getValue(), 36);
    }

}
