package io.github.srboot.test.streamload;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * StarRocks' own JSON scanner tests ({@code be/test/exec/file_scanner/json_scanner_test.cpp}; corpus
 * {@code json_cases.tsv}) as a table of cases run through the stub's JSON reading ({@link BodyParser} with the
 * load's {@link LoadOptions} and {@link LoadPlan}), non-strict as the StarRocks tests run.
 */
class StarRocksJsonCasesTests {

    /**
     * One scanner test: columns and types, {@code strip_outer_array}, {@code jsonpaths}, {@code json_root}, the
     * body, and the rows expected ({@code null} for NULL) or that the data is refused.
     */
    record JsonCase(String id, String test, List<String> columns, List<String> types, boolean stripOuterArray,
            String jsonPaths, String jsonRoot, String body, List<List<String>> rows, boolean refused) {

        @Override
        public String toString() {
            return this.id + " " + this.test;
        }

    }

    static Stream<JsonCase> jsonCases() {
        return Stream.of(
        new JsonCase("JSON002", "JsonScannerTest.test_json_without_path", List.of("category", "author", "title", "price"), List.of("VARCHAR(20)", "VARCHAR(20)", "VARCHAR(20)", "DOUBLE"), true, null, null,
                "[\n   {\n      \"category\":\"reference\",\n      \"author\":\"NigelRees\",\n      \"title\":\"SayingsoftheCentury\",\n      \"price\":8.95\n   },\n   {\n      \"category\":\"fiction\",\n      \"author\":\"EvelynWaugh\",\n      \"title\":\"SwordofHonour\",\n      \"price\":12.99\n   }\n]\n",
                List.of(Arrays.asList("reference", "NigelRees", "SayingsoftheCentury", "8.95"),
                        Arrays.asList("fiction", "EvelynWaugh", "SwordofHonour", "12.99")), false),
        new JsonCase("JSON006", "JsonScannerTest.test_json_path_with_asterisk_basic", List.of("keyname", "k1", "kind"), List.of("INT", "VARCHAR(20)", "VARCHAR(20)"), true, "[\"$.keyname.*\", \"$.k1\", \"$.kind\"]", null,
                "[{\n   \"k1\":\"v2\",\n   \"kind\":\"server\",\n   \"keyname\":{\n      \"int\":20\n   }\n}]\n",
                List.of(Arrays.asList("20", "v2", "server")), false),
        new JsonCase("JSON007", "JsonScannerTest.test_json_path_with_asterisk_null", List.of("keyname", "k1", "kind"), List.of("INT", "VARCHAR(20)", "VARCHAR(20)"), true, "[\"$.keyname.*\", \"$.k1\", \"$.kind\"]", null,
                "[{\n   \"k1\":\"v2\",\n   \"kind\":\"server\",\n   \"keyname\": null\n}]\n",
                List.of(Arrays.asList(null, "v2", "server")), false),
        new JsonCase("JSON008", "JsonScannerTest.test_json_path_with_asterisk_record", List.of("keyname", "k1", "kind"), List.of("INT", "VARCHAR(20)", "VARCHAR(20)"), true, "[\"$.keyname.*.a\", \"$.k1\", \"$.kind\"]", null,
                "[{\n   \"k1\":\"v2\",\n   \"kind\":\"server\",\n   \"keyname\": {\n      \"record\" : {\n         \"a\":1,\n         \"b\":\"abcde\"\n      }\n   }\n}]\n",
                List.of(Arrays.asList("1", "v2", "server")), false),
        new JsonCase("JSON009", "JsonScannerTest.test_json_path_with_asterisk_array", List.of("keyname", "k1", "kind"), List.of("INT", "VARCHAR(20)", "VARCHAR(20)"), true, "[\"$.keyname.*[0]\", \"$.k1\", \"$.kind\"]", null,
                "[{\n   \"k1\":\"v2\",\n   \"kind\":\"server\",\n   \"keyname\": {\"array\": [25, 64]}\n}]\n",
                List.of(Arrays.asList("25", "v2", "server")), false),
        new JsonCase("JSON010", "JsonScannerTest.test_json_with_path", List.of("k1", "kind", "ip", "value"), List.of("VARCHAR(20)", "VARCHAR(20)", "VARCHAR(20)", "INT"), true, "[\"$.k1\", \"$.kind\", \"$.keyname.ip\", \"$.keyname.value\"]", null,
                "[\n   {\n      \"k1\":\"v1\",\n      \"kind\":\"server\",\n      \"keyname\":{\n         \"ip\":\"10.10.0.1\",\n         \"value\":20\n      }\n   },\n   {\n      \"k1\":\"v2\",\n      \"kind\":\"server\",\n      \"keyname\":{\n         \"ip\":\"10.20.1.1\",\n         \"value\":20\n      }\n   }\n]\n",
                List.of(Arrays.asList("v1", "server", "10.10.0.1", "20"),
                        Arrays.asList("v2", "server", "10.20.1.1", "20")), false),
        new JsonCase("JSON011", "JsonScannerTest.test_invalid_json_path", List.of("k1", "kind", "ip", "value"), List.of("VARCHAR(20)", "VARCHAR(20)", "VARCHAR(20)", "INT"), true, "invalid path", null,
                "[\n   {\n      \"k1\":\"v1\",\n      \"kind\":\"server\",\n      \"keyname\":{\n         \"ip\":\"10.10.0.1\",\n         \"value\":20\n      }\n   },\n   {\n      \"k1\":\"v2\",\n      \"kind\":\"server\",\n      \"keyname\":{\n         \"ip\":\"10.20.1.1\",\n         \"value\":20\n      }\n   }\n]\n",
                null, true),
        new JsonCase("JSON017", "JsonScannerTest.test_json_with_long_string", List.of("request", "ids"), List.of("VARCHAR(100)", "VARCHAR(100)"), true, null, null,
                "[\n   {\n      \"request\":{\n         \"area\":\"beijing\",\n         \"country\":\"china\"\n      },\n      \"ids\":[\n         \"478472290\",\n         \"478473274\"\n      ]\n   }\n]\n",
                List.of(Arrays.asList("{\"area\":\"beijing\",\"country\":\"china\"}", "[\"478472290\",\"478473274\"]")), false),
        new JsonCase("JSON018", "JsonScannerTest.test_ndjson", List.of("k1", "kind", "ip", "value"), List.of("VARCHAR(20)", "VARCHAR(20)", "VARCHAR(20)", "INT"), false, null, null,
                "{\"k1\":\"v1\",   \"kind\":\"server\", \"keyname\":{\"ip\":\"10.10.0.1\", \"value\":\"10\"}}\n{\"k1\":\"v2\", \"kind\":\"server\", \"keyname\":{\"ip\":\"10.10.0.2\", \"value\":\"20\"}} {\"k1\":\"v3\", \"kind\":\"server\", \"keyname\":{\"ip\":\"10.10.0.3\", \"value\":\"30\"}}\n\n{\"k1\":\"v4\",   \"kind\":\"server\", \"keyname\":{\"ip\":\"10.10.0.4\", \"value\":\"40\"}}  {\"k1\":\"v5\",   \"kind\":\"server\", \"keyname\":{\"ip\":\"10.10.0.5\", \"value\":\"50\"}}\n",
                List.of(Arrays.asList("v1", "server", null, null),
                        Arrays.asList("v2", "server", null, null),
                        Arrays.asList("v3", "server", null, null),
                        Arrays.asList("v4", "server", null, null),
                        Arrays.asList("v5", "server", null, null)), false),
        new JsonCase("JSON019", "JsonScannerTest.test_ndjson_with_jsonpath", List.of("k1", "kind", "ip", "value"), List.of("VARCHAR(20)", "VARCHAR(20)", "VARCHAR(20)", "INT"), false, "[\"$.k1\", \"$.kind\", \"$.keyname.ip\", \"$.keyname.value\"]", null,
                "{\"k1\":\"v1\",   \"kind\":\"server\", \"keyname\":{\"ip\":\"10.10.0.1\", \"value\":\"10\"}}\n{\"k1\":\"v2\", \"kind\":\"server\", \"keyname\":{\"ip\":\"10.10.0.2\", \"value\":\"20\"}} {\"k1\":\"v3\", \"kind\":\"server\", \"keyname\":{\"ip\":\"10.10.0.3\", \"value\":\"30\"}}\n\n{\"k1\":\"v4\",   \"kind\":\"server\", \"keyname\":{\"ip\":\"10.10.0.4\", \"value\":\"40\"}}  {\"k1\":\"v5\",   \"kind\":\"server\", \"keyname\":{\"ip\":\"10.10.0.5\", \"value\":\"50\"}}\n",
                List.of(Arrays.asList("v1", "server", "10.10.0.1", "10"),
                        Arrays.asList("v2", "server", "10.10.0.2", "20"),
                        Arrays.asList("v3", "server", "10.10.0.3", "30"),
                        Arrays.asList("v4", "server", "10.10.0.4", "40"),
                        Arrays.asList("v5", "server", "10.10.0.5", "50")), false),
        new JsonCase("JSON020", "JsonScannerTest.test_json_new_parser", List.of("k1", "kind", "ip", "value"), List.of("VARCHAR(20)", "VARCHAR(20)", "VARCHAR(20)", "INT"), false, "[\"$.k1\", \"$.kind\", \"$.ip\", \"$.value\"]", null,
                "{\"k1\":\"v1\",   \"kind\":\"server\", \"ip\":\"10.10.0.1\"}\n{\"k1\":\"v2\", \"ip\":\"10.10.0.2\", \"value\":\"20\"} \n{\"kind\":\"server\", \"ip\":\"10.10.0.3\", \"value\":\"30\"}\n{\"kind\":\"server\"}  \n{\"value\":\"50\"}\n{\"k1\":\"v1\",   \"kind\":\"server\", \"ip\":\"10.10.0.1\", \"value\":\"10\"}\n{\"value\":\"50\"}\n{\"k1\":\"v34\",   \"kind\":\"server2\", \"ip\":\"10.10.0.22\"}\n{\"k1\":\"v3\", \"ip\":\"10.10.0.33\", \"value\":\"20\"} \n{\"kind\":\"server\", \"ip\":\"10.10.0.3\", \"value\":\"30\"}\n{\"kind\":\"server\"}  \n{\"k1\":\"v1\",   \"kind\":\"server\", \"ip\":\"10.10.0.1\", \"value\":\"10\"}",
                List.of(Arrays.asList("v1", "server", "10.10.0.1", null),
                        Arrays.asList("v2", null, "10.10.0.2", "20"),
                        Arrays.asList(null, "server", "10.10.0.3", "30"),
                        Arrays.asList(null, "server", null, null),
                        Arrays.asList(null, null, null, "50"),
                        Arrays.asList("v1", "server", "10.10.0.1", "10"),
                        Arrays.asList(null, null, null, "50"),
                        Arrays.asList("v34", "server2", "10.10.0.22", null),
                        Arrays.asList("v3", null, "10.10.0.33", "20"),
                        Arrays.asList(null, "server", "10.10.0.3", "30"),
                        Arrays.asList(null, "server", null, null),
                        Arrays.asList("v1", "server", "10.10.0.1", "10")), false),
        new JsonCase("JSON021", "JsonScannerTest.test_adaptive_nullable_column", List.of("k1", "kind", "ip", "value"), List.of("VARCHAR(20)", "VARCHAR(20)", "VARCHAR(20)", "INT"), false, "[\"$.k1\", \"$.kind\", \"$.ip\", \"$.value\"]", null,
                "{}\n{\"k1\":\"v2\"} \n{\"kind\":\"server\"}\n{\"ip\":\"10.10.0.1\"}  \n{\"value\":\"50\"}\n{\"k1\":\"v1\",   \"kind\":\"server\", \"ip\":\"10.10.0.1\", \"value\":\"10\"}",
                List.of(Arrays.asList(null, null, null, null),
                        Arrays.asList("v2", null, null, null),
                        Arrays.asList(null, "server", null, null),
                        Arrays.asList(null, null, "10.10.0.1", null),
                        Arrays.asList(null, null, null, "50"),
                        Arrays.asList("v1", "server", "10.10.0.1", "10")), false),
        new JsonCase("JSON024", "JsonScannerTest.test_cast_type", List.of("f_float", "f_bool", "f_int", "f_float_in_string", "f_int_in_string"), List.of("VARCHAR(20)", "VARCHAR(20)", "VARCHAR(20)", "DOUBLE", "INT"), false, null, null,
                "{\n   \"f_float\": 3.14,\n   \"f_bool\": true,\n   \"f_int\": 123,\n   \"f_float_in_string\": \"3.14\",\n   \"f_bool_in_string\": \"1\",\n   \"f_int_in_string\": \"123\"\n}\n",
                List.of(Arrays.asList("3.14", "1", "123", "3.14", "123")), false),
        new JsonCase("JSON026", "JsonScannerTest.test_native_json_ndjson_with_jsonpath", List.of("k1", "kind", "ip", "value"), List.of("JSON", "JSON", "JSON", "JSON"), false, "[\"$.k1\", \"$.kind\", \"$.keyname.ip\", \"$.keyname.value\"]", null,
                "{\"k1\":\"v1\",   \"kind\":\"server\", \"keyname\":{\"ip\":\"10.10.0.1\", \"value\":\"10\"}}\n{\"k1\":\"v2\", \"kind\":\"server\", \"keyname\":{\"ip\":\"10.10.0.2\", \"value\":\"20\"}} {\"k1\":\"v3\", \"kind\":\"server\", \"keyname\":{\"ip\":\"10.10.0.3\", \"value\":\"30\"}}\n\n{\"k1\":\"v4\",   \"kind\":\"server\", \"keyname\":{\"ip\":\"10.10.0.4\", \"value\":\"40\"}}  {\"k1\":\"v5\",   \"kind\":\"server\", \"keyname\":{\"ip\":\"10.10.0.5\", \"value\":\"50\"}}\n",
                List.of(Arrays.asList("\"v1\"", "\"server\"", "\"10.10.0.1\"", "\"10\""),
                        Arrays.asList("\"v2\"", "\"server\"", "\"10.10.0.2\"", "\"20\""),
                        Arrays.asList("\"v3\"", "\"server\"", "\"10.10.0.3\"", "\"30\""),
                        Arrays.asList("\"v4\"", "\"server\"", "\"10.10.0.4\"", "\"40\""),
                        Arrays.asList("\"v5\"", "\"server\"", "\"10.10.0.5\"", "\"50\"")), false),
        new JsonCase("JSON028", "JsonScannerTest.test_native_json_single_column/$", List.of("$"), List.of("JSON"), false, "[\"$\"]", null,
                "{\"k1\":\"v1\",   \"kind\":\"\u4e2d\u6587\", \"keyname\":{\"ip\u5730\u5740\":\"10.10.0.1\", \"value\":\"10\"}}\n{\"k1\":\"v2\", \"kind\":\"\u82f1\u6587\", \"keyname\":{\"ip\u5730\u5740\":\"10.10.0.2\", \"value\":\"20\"}} \n{\"k1\":\"v3\", \"kind\":\"\u6cd5\u6587\", \"keyname\":{\"ip\u5730\u5740\":\"10.10.0.3\", \"value\":\"30\"}}\n{\"k1\":\"v4\",   \"kind\":\"\u5fb7\u6587\", \"keyname\":{\"ip\u5730\u5740\":\"10.10.0.4\", \"value\":\"40\"}}  \n{\"k1\":\"v5\",   \"kind\":\"\u897f\u73ed\u7259\", \"keyname\":{\"ip\u5730\u5740\":\"10.10.0.5\", \"value\":\"50\"}}\n",
                List.of(Arrays.asList("{\"k1\": \"v1\", \"keyname\": {\"ip\u5730\u5740\": \"10.10.0.1\", \"value\": \"10\"}, \"kind\": \"\u4e2d\u6587\"}"),
                        Arrays.asList("{\"k1\": \"v2\", \"keyname\": {\"ip\u5730\u5740\": \"10.10.0.2\", \"value\": \"20\"}, \"kind\": \"\u82f1\u6587\"}"),
                        Arrays.asList("{\"k1\": \"v3\", \"keyname\": {\"ip\u5730\u5740\": \"10.10.0.3\", \"value\": \"30\"}, \"kind\": \"\u6cd5\u6587\"}"),
                        Arrays.asList("{\"k1\": \"v4\", \"keyname\": {\"ip\u5730\u5740\": \"10.10.0.4\", \"value\": \"40\"}, \"kind\": \"\u5fb7\u6587\"}"),
                        Arrays.asList("{\"k1\": \"v5\", \"keyname\": {\"ip\u5730\u5740\": \"10.10.0.5\", \"value\": \"50\"}, \"kind\": \"\u897f\u73ed\u7259\"}")), false),
        new JsonCase("JSON029", "JsonScannerTest.test_native_json_single_column/$,$.k1", List.of("$", "$.k1"), List.of("JSON", "JSON"), false, "[\"$\", \"$.k1\"]", null,
                "{\"k1\":\"v1\",   \"kind\":\"\u4e2d\u6587\", \"keyname\":{\"ip\u5730\u5740\":\"10.10.0.1\", \"value\":\"10\"}}\n{\"k1\":\"v2\", \"kind\":\"\u82f1\u6587\", \"keyname\":{\"ip\u5730\u5740\":\"10.10.0.2\", \"value\":\"20\"}} \n{\"k1\":\"v3\", \"kind\":\"\u6cd5\u6587\", \"keyname\":{\"ip\u5730\u5740\":\"10.10.0.3\", \"value\":\"30\"}}\n{\"k1\":\"v4\",   \"kind\":\"\u5fb7\u6587\", \"keyname\":{\"ip\u5730\u5740\":\"10.10.0.4\", \"value\":\"40\"}}  \n{\"k1\":\"v5\",   \"kind\":\"\u897f\u73ed\u7259\", \"keyname\":{\"ip\u5730\u5740\":\"10.10.0.5\", \"value\":\"50\"}}\n",
                List.of(Arrays.asList("{\"k1\": \"v1\", \"keyname\": {\"ip\u5730\u5740\": \"10.10.0.1\", \"value\": \"10\"}, \"kind\": \"\u4e2d\u6587\"}", "\"v1\""),
                        Arrays.asList("{\"k1\": \"v2\", \"keyname\": {\"ip\u5730\u5740\": \"10.10.0.2\", \"value\": \"20\"}, \"kind\": \"\u82f1\u6587\"}", "\"v2\""),
                        Arrays.asList("{\"k1\": \"v3\", \"keyname\": {\"ip\u5730\u5740\": \"10.10.0.3\", \"value\": \"30\"}, \"kind\": \"\u6cd5\u6587\"}", "\"v3\""),
                        Arrays.asList("{\"k1\": \"v4\", \"keyname\": {\"ip\u5730\u5740\": \"10.10.0.4\", \"value\": \"40\"}, \"kind\": \"\u5fb7\u6587\"}", "\"v4\""),
                        Arrays.asList("{\"k1\": \"v5\", \"keyname\": {\"ip\u5730\u5740\": \"10.10.0.5\", \"value\": \"50\"}, \"kind\": \"\u897f\u73ed\u7259\"}", "\"v5\"")), false),
        new JsonCase("JSON030", "JsonScannerTest.test_native_json_single_column/$.k1,$", List.of("$.k1", "$"), List.of("JSON", "JSON"), false, "[\"$.k1\",\"$\"]", null,
                "{\"k1\":\"v1\",   \"kind\":\"\u4e2d\u6587\", \"keyname\":{\"ip\u5730\u5740\":\"10.10.0.1\", \"value\":\"10\"}}\n{\"k1\":\"v2\", \"kind\":\"\u82f1\u6587\", \"keyname\":{\"ip\u5730\u5740\":\"10.10.0.2\", \"value\":\"20\"}} \n{\"k1\":\"v3\", \"kind\":\"\u6cd5\u6587\", \"keyname\":{\"ip\u5730\u5740\":\"10.10.0.3\", \"value\":\"30\"}}\n{\"k1\":\"v4\",   \"kind\":\"\u5fb7\u6587\", \"keyname\":{\"ip\u5730\u5740\":\"10.10.0.4\", \"value\":\"40\"}}  \n{\"k1\":\"v5\",   \"kind\":\"\u897f\u73ed\u7259\", \"keyname\":{\"ip\u5730\u5740\":\"10.10.0.5\", \"value\":\"50\"}}\n",
                List.of(Arrays.asList("\"v1\"", "{\"k1\": \"v1\", \"keyname\": {\"ip\u5730\u5740\": \"10.10.0.1\", \"value\": \"10\"}, \"kind\": \"\u4e2d\u6587\"}"),
                        Arrays.asList("\"v2\"", "{\"k1\": \"v2\", \"keyname\": {\"ip\u5730\u5740\": \"10.10.0.2\", \"value\": \"20\"}, \"kind\": \"\u82f1\u6587\"}"),
                        Arrays.asList("\"v3\"", "{\"k1\": \"v3\", \"keyname\": {\"ip\u5730\u5740\": \"10.10.0.3\", \"value\": \"30\"}, \"kind\": \"\u6cd5\u6587\"}"),
                        Arrays.asList("\"v4\"", "{\"k1\": \"v4\", \"keyname\": {\"ip\u5730\u5740\": \"10.10.0.4\", \"value\": \"40\"}, \"kind\": \"\u5fb7\u6587\"}"),
                        Arrays.asList("\"v5\"", "{\"k1\": \"v5\", \"keyname\": {\"ip\u5730\u5740\": \"10.10.0.5\", \"value\": \"50\"}, \"kind\": \"\u897f\u73ed\u7259\"}")), false),
        new JsonCase("JSON031", "JsonScannerTest.test_native_json_single_column/$.k1,$.kind,$", List.of("$.k1", "$.kind", "$"), List.of("JSON", "JSON", "JSON"), false, "[\"$.k1\", \"$.kind\", \"$\"]", null,
                "{\"k1\":\"v1\",   \"kind\":\"\u4e2d\u6587\", \"keyname\":{\"ip\u5730\u5740\":\"10.10.0.1\", \"value\":\"10\"}}\n{\"k1\":\"v2\", \"kind\":\"\u82f1\u6587\", \"keyname\":{\"ip\u5730\u5740\":\"10.10.0.2\", \"value\":\"20\"}} \n{\"k1\":\"v3\", \"kind\":\"\u6cd5\u6587\", \"keyname\":{\"ip\u5730\u5740\":\"10.10.0.3\", \"value\":\"30\"}}\n{\"k1\":\"v4\",   \"kind\":\"\u5fb7\u6587\", \"keyname\":{\"ip\u5730\u5740\":\"10.10.0.4\", \"value\":\"40\"}}  \n{\"k1\":\"v5\",   \"kind\":\"\u897f\u73ed\u7259\", \"keyname\":{\"ip\u5730\u5740\":\"10.10.0.5\", \"value\":\"50\"}}\n",
                List.of(Arrays.asList("\"v1\"", "\"\u4e2d\u6587\"", "{\"k1\": \"v1\", \"keyname\": {\"ip\u5730\u5740\": \"10.10.0.1\", \"value\": \"10\"}, \"kind\": \"\u4e2d\u6587\"}"),
                        Arrays.asList("\"v2\"", "\"\u82f1\u6587\"", "{\"k1\": \"v2\", \"keyname\": {\"ip\u5730\u5740\": \"10.10.0.2\", \"value\": \"20\"}, \"kind\": \"\u82f1\u6587\"}"),
                        Arrays.asList("\"v3\"", "\"\u6cd5\u6587\"", "{\"k1\": \"v3\", \"keyname\": {\"ip\u5730\u5740\": \"10.10.0.3\", \"value\": \"30\"}, \"kind\": \"\u6cd5\u6587\"}"),
                        Arrays.asList("\"v4\"", "\"\u5fb7\u6587\"", "{\"k1\": \"v4\", \"keyname\": {\"ip\u5730\u5740\": \"10.10.0.4\", \"value\": \"40\"}, \"kind\": \"\u5fb7\u6587\"}"),
                        Arrays.asList("\"v5\"", "\"\u897f\u73ed\u7259\"", "{\"k1\": \"v5\", \"keyname\": {\"ip\u5730\u5740\": \"10.10.0.5\", \"value\": \"50\"}, \"kind\": \"\u897f\u73ed\u7259\"}")), false),
        new JsonCase("JSON032", "JsonScannerTest.test_native_json_single_column/$.k1,$.kind,$,$.k2", List.of("$.k1", "$.kind", "$", "$.k2"), List.of("JSON", "JSON", "JSON", "JSON"), false, "[\"$.k1\", \"$.kind\", \"$\", \"$.k2\"]", null,
                "{\"k1\":\"v1\",   \"kind\":\"\u4e2d\u6587\", \"keyname\":{\"ip\u5730\u5740\":\"10.10.0.1\", \"value\":\"10\"}}\n{\"k1\":\"v2\", \"kind\":\"\u82f1\u6587\", \"keyname\":{\"ip\u5730\u5740\":\"10.10.0.2\", \"value\":\"20\"}} \n{\"k1\":\"v3\", \"kind\":\"\u6cd5\u6587\", \"keyname\":{\"ip\u5730\u5740\":\"10.10.0.3\", \"value\":\"30\"}}\n{\"k1\":\"v4\",   \"kind\":\"\u5fb7\u6587\", \"keyname\":{\"ip\u5730\u5740\":\"10.10.0.4\", \"value\":\"40\"}}  \n{\"k1\":\"v5\",   \"kind\":\"\u897f\u73ed\u7259\", \"keyname\":{\"ip\u5730\u5740\":\"10.10.0.5\", \"value\":\"50\"}}\n",
                List.of(Arrays.asList("\"v1\"", "\"\u4e2d\u6587\"", "{\"k1\": \"v1\", \"keyname\": {\"ip\u5730\u5740\": \"10.10.0.1\", \"value\": \"10\"}, \"kind\": \"\u4e2d\u6587\"}", null),
                        Arrays.asList("\"v2\"", "\"\u82f1\u6587\"", "{\"k1\": \"v2\", \"keyname\": {\"ip\u5730\u5740\": \"10.10.0.2\", \"value\": \"20\"}, \"kind\": \"\u82f1\u6587\"}", null),
                        Arrays.asList("\"v3\"", "\"\u6cd5\u6587\"", "{\"k1\": \"v3\", \"keyname\": {\"ip\u5730\u5740\": \"10.10.0.3\", \"value\": \"30\"}, \"kind\": \"\u6cd5\u6587\"}", null),
                        Arrays.asList("\"v4\"", "\"\u5fb7\u6587\"", "{\"k1\": \"v4\", \"keyname\": {\"ip\u5730\u5740\": \"10.10.0.4\", \"value\": \"40\"}, \"kind\": \"\u5fb7\u6587\"}", null),
                        Arrays.asList("\"v5\"", "\"\u897f\u73ed\u7259\"", "{\"k1\": \"v5\", \"keyname\": {\"ip\u5730\u5740\": \"10.10.0.5\", \"value\": \"50\"}, \"kind\": \"\u897f\u73ed\u7259\"}", null)), false),
        new JsonCase("JSON033", "JsonScannerTest.test_expanded_with_json_root", List.of("k1", "kind", "keyname"), List.of("VARCHAR(20)", "VARCHAR(20)", "JSON"), true, null, "$.data",
                "[{\"data\": [{\"k1\":\"v1\",   \"kind\":\"server\", \"keyname\":{\"ip\":\"10.10.0.1\", \"value\":\"10\"}},\n{\"k1\":\"v2\", \"kind\":\"server\", \"keyname\":{\"ip\":\"10.10.0.2\", \"value\":\"20\"}}, {\"k1\":\"v3\", \"kind\":\"server\", \"keyname\":{\"ip\":\"10.10.0.3\", \"value\":\"30\"}}]},\n\n{\"data\": [{\"k1\":\"v4\",   \"kind\":\"server\", \"keyname\":{\"ip\":\"10.10.0.4\", \"value\":\"40\"}},  {\"k1\":\"v5\",   \"kind\":\"server\", \"keyname\":{\"ip\":\"10.10.0.5\", \"value\":\"50\"}}]}]\n",
                List.of(Arrays.asList("v1", "server", "{\"ip\": \"10.10.0.1\", \"value\": \"10\"}"),
                        Arrays.asList("v2", "server", "{\"ip\": \"10.10.0.2\", \"value\": \"20\"}"),
                        Arrays.asList("v3", "server", "{\"ip\": \"10.10.0.3\", \"value\": \"30\"}"),
                        Arrays.asList("v4", "server", "{\"ip\": \"10.10.0.4\", \"value\": \"40\"}"),
                        Arrays.asList("v5", "server", "{\"ip\": \"10.10.0.5\", \"value\": \"50\"}")), false),
        new JsonCase("JSON034", "JsonScannerTest.test_ndjson_expanded_with_json_root", List.of("k1", "kind", "keyname"), List.of("VARCHAR(20)", "VARCHAR(20)", "JSON"), true, null, "$.data",
                "{\"data\": [{\"k1\":\"v1\",   \"kind\":\"server\", \"keyname\":{\"ip\":\"10.10.0.1\", \"value\":\"10\"}},\n{\"k1\":\"v2\", \"kind\":\"server\", \"keyname\":{\"ip\":\"10.10.0.2\", \"value\":\"20\"}}, {\"k1\":\"v3\", \"kind\":\"server\", \"keyname\":{\"ip\":\"10.10.0.3\", \"value\":\"30\"}}]}\n\n{\"data\": [{\"k1\":\"v4\",   \"kind\":\"server\", \"keyname\":{\"ip\":\"10.10.0.4\", \"value\":\"40\"}},  {\"k1\":\"v5\",   \"kind\":\"server\", \"keyname\":{\"ip\":\"10.10.0.5\", \"value\":\"50\"}}]}\n",
                List.of(Arrays.asList("v1", "server", "{\"ip\": \"10.10.0.1\", \"value\": \"10\"}"),
                        Arrays.asList("v2", "server", "{\"ip\": \"10.10.0.2\", \"value\": \"20\"}"),
                        Arrays.asList("v3", "server", "{\"ip\": \"10.10.0.3\", \"value\": \"30\"}"),
                        Arrays.asList("v4", "server", "{\"ip\": \"10.10.0.4\", \"value\": \"40\"}"),
                        Arrays.asList("v5", "server", "{\"ip\": \"10.10.0.5\", \"value\": \"50\"}")), false),
        new JsonCase("JSON035", "JsonScannerTest.test_construct_row_in_object_order", List.of("f_dummy_0", "f_float", "f_dummy_1", "f_bool", "f_dummy_2", "f_int", "f_dummy_3", "f_float_in_string", "f_dummy_4", "f_int_in_string", "f_dummy_5"), List.of("VARCHAR(20)", "VARCHAR(20)", "VARCHAR(20)", "VARCHAR(20)", "VARCHAR(20)", "VARCHAR(20)", "VARCHAR(20)", "DOUBLE", "DOUBLE", "INT", "INT"), false, null, null,
                "{\n   \"f_float\": 3.14,\n   \"f_bool\": true,\n   \"f_int\": 123,\n   \"f_float_in_string\": \"3.14\",\n   \"f_bool_in_string\": \"1\",\n   \"f_int_in_string\": \"123\"\n}\n",
                List.of(Arrays.asList(null, "3.14", null, "1", null, "123", null, "3.14", null, "123", null)), false),
        new JsonCase("JSON036", "JsonScannerTest.test_jsonroot_with_jsonpath", List.of("ip", "value"), List.of("VARCHAR(20)", "VARCHAR(20)"), false, "[\"$.ip\", \"$.value\"]", "$.keyname",
                "{\"k1\":\"v1\",   \"kind\":\"server\", \"keyname\":{\"ip\":\"10.10.0.1\", \"value\":\"10\"}}\n{\"k1\":\"v2\", \"kind\":\"server\", \"keyname\":{\"ip\":\"10.10.0.2\", \"value\":\"20\"}} {\"k1\":\"v3\", \"kind\":\"server\", \"keyname\":{\"ip\":\"10.10.0.3\", \"value\":\"30\"}}\n\n{\"k1\":\"v4\",   \"kind\":\"server\", \"keyname\":{\"ip\":\"10.10.0.4\", \"value\":\"40\"}}  {\"k1\":\"v5\",   \"kind\":\"server\", \"keyname\":{\"ip\":\"10.10.0.5\", \"value\":\"50\"}}\n",
                List.of(Arrays.asList("10.10.0.1", "10"),
                        Arrays.asList("10.10.0.2", "20"),
                        Arrays.asList("10.10.0.3", "30"),
                        Arrays.asList("10.10.0.4", "40"),
                        Arrays.asList("10.10.0.5", "50")), false),
        new JsonCase("JSON037", "JsonScannerTest.test_expanded_with_jsonroot_and_extracted_by_jsonpath", List.of("ip", "value"), List.of("VARCHAR(20)", "VARCHAR(20)"), true, "[\"$.keyname.ip\", \"$.keyname.value\"]", "$.data",
                "[{\"data\": [{\"k1\":\"v1\",   \"kind\":\"server\", \"keyname\":{\"ip\":\"10.10.0.1\", \"value\":\"10\"}},\n{\"k1\":\"v2\", \"kind\":\"server\", \"keyname\":{\"ip\":\"10.10.0.2\", \"value\":\"20\"}}, {\"k1\":\"v3\", \"kind\":\"server\", \"keyname\":{\"ip\":\"10.10.0.3\", \"value\":\"30\"}}]},\n\n{\"data\": [{\"k1\":\"v4\",   \"kind\":\"server\", \"keyname\":{\"ip\":\"10.10.0.4\", \"value\":\"40\"}},  {\"k1\":\"v5\",   \"kind\":\"server\", \"keyname\":{\"ip\":\"10.10.0.5\", \"value\":\"50\"}}]}]\n",
                List.of(Arrays.asList("10.10.0.1", "10"),
                        Arrays.asList("10.10.0.2", "20"),
                        Arrays.asList("10.10.0.3", "30"),
                        Arrays.asList("10.10.0.4", "40"),
                        Arrays.asList("10.10.0.5", "50")), false),
        new JsonCase("JSON038", "JsonScannerTest.test_ndjson_expaned_with_jsonroot_and_extracted_by_jsonpath", List.of("ip", "value"), List.of("VARCHAR(20)", "VARCHAR(20)"), true, "[\"$.keyname.ip\", \"$.keyname.value\"]", "$.data",
                "{\"data\": [{\"k1\":\"v1\",   \"kind\":\"server\", \"keyname\":{\"ip\":\"10.10.0.1\", \"value\":\"10\"}},\n{\"k1\":\"v2\", \"kind\":\"server\", \"keyname\":{\"ip\":\"10.10.0.2\", \"value\":\"20\"}}, {\"k1\":\"v3\", \"kind\":\"server\", \"keyname\":{\"ip\":\"10.10.0.3\", \"value\":\"30\"}}]}\n\n{\"data\": [{\"k1\":\"v4\",   \"kind\":\"server\", \"keyname\":{\"ip\":\"10.10.0.4\", \"value\":\"40\"}},  {\"k1\":\"v5\",   \"kind\":\"server\", \"keyname\":{\"ip\":\"10.10.0.5\", \"value\":\"50\"}}]}\n",
                List.of(Arrays.asList("10.10.0.1", "10"),
                        Arrays.asList("10.10.0.2", "20"),
                        Arrays.asList("10.10.0.3", "30"),
                        Arrays.asList("10.10.0.4", "40"),
                        Arrays.asList("10.10.0.5", "50")), false),
        new JsonCase("JSON039", "JsonScannerTest.test_illegal_input", List.of("f_float", "f_bool", "f_int", "f_float_in_string", "f_int_in_string"), List.of("VARCHAR(20)", "VARCHAR(20)", "VARCHAR(20)", "DOUBLE", "INT"), false, null, null,
                "   \"f_float\": 3.14,\n   \"f_bool\": true,\n   \"f_int\": 123,\n   \"f_float_in_string\": \"3.14\",\n   \"f_bool_in_string\": \"1\",\n   \"f_int_in_string\": \"123\"\n}\n",
                null, true),
        new JsonCase("JSON040", "JsonScannerTest.test_illegal_input_with_jsonpath", List.of("f_float", "f_bool", "f_int", "f_float_in_string", "f_int_in_string"), List.of("VARCHAR(20)", "VARCHAR(20)", "VARCHAR(20)", "DOUBLE", "INT"), false, "[\"$.f_float\", \"$.f_bool\", \"$.f_int\", \"$.f_float_in_string\", \"$.f_int_in_string\"]", null,
                "   \"f_float\": 3.14,\n   \"f_bool\": true,\n   \"f_int\": 123,\n   \"f_float_in_string\": \"3.14\",\n   \"f_bool_in_string\": \"1\",\n   \"f_int_in_string\": \"123\"\n}\n",
                null, true),
        new JsonCase("JSON041", "JsonScannerTest.test_column_2x_than_columns_with_json_root", List.of("k1", "kind", "keyname", "null_col1", "null_col2", "null_col3", "null_col4"), List.of("VARCHAR(20)", "VARCHAR(20)", "JSON", "VARCHAR(20)", "VARCHAR(20)", "VARCHAR(20)", "VARCHAR(20)"), true, null, "$.data",
                "{\"data\": [{\"k1\":\"v1\",   \"kind\":\"server\", \"keyname\":{\"ip\":\"10.10.0.1\", \"value\":\"10\"}},\n{\"k1\":\"v2\", \"kind\":\"server\", \"keyname\":{\"ip\":\"10.10.0.2\", \"value\":\"20\"}}, {\"k1\":\"v3\", \"kind\":\"server\", \"keyname\":{\"ip\":\"10.10.0.3\", \"value\":\"30\"}}]}\n\n{\"data\": [{\"k1\":\"v4\",   \"kind\":\"server\", \"keyname\":{\"ip\":\"10.10.0.4\", \"value\":\"40\"}},  {\"k1\":\"v5\",   \"kind\":\"server\", \"keyname\":{\"ip\":\"10.10.0.5\", \"value\":\"50\"}}]}\n",
                List.of(Arrays.asList("v1", "server", "{\"ip\": \"10.10.0.1\", \"value\": \"10\"}", null, null, null, null),
                        Arrays.asList("v2", "server", "{\"ip\": \"10.10.0.2\", \"value\": \"20\"}", null, null, null, null),
                        Arrays.asList("v3", "server", "{\"ip\": \"10.10.0.3\", \"value\": \"30\"}", null, null, null, null),
                        Arrays.asList("v4", "server", "{\"ip\": \"10.10.0.4\", \"value\": \"40\"}", null, null, null, null),
                        Arrays.asList("v5", "server", "{\"ip\": \"10.10.0.5\", \"value\": \"50\"}", null, null, null, null)), false),
        new JsonCase("JSON042", "JsonScannerTest.test_null_with_jsonpath", List.of("k1", "kind", "ip", "value"), List.of("VARCHAR(20)", "VARCHAR(20)", "VARCHAR(20)", "INT"), false, "[\"$.k1\", \"$.kind\", \"$.keyname.ip\", \"$.keyname.value\"]", null,
                "null",
                null, true),
        new JsonCase("JSON043", "JsonScannerTest.test_repeated_jsonpaths", List.of("level1_level2_1", "root1", "level1_level2_2", "root2", "level1_level2_3", "root3"), List.of("JSON", "JSON", "JSON", "JSON", "JSON", "JSON"), false, "[\"$.level1.level2\", \"$\", \"$.level1.level2\", \"$\", \"$.level1.level2\", \"$\"]", null,
                "{\"level1\":{\"level2\":\"long long long long long long long long long long long long long long string\"}}",
                null, false),
        new JsonCase("JSON044", "JsonScannerTest.file_stream", List.of("key1", "key2"), List.of("INT", "INT"), false, null, null,
                "{\"key1\": 1, \"key2\": 2 }{\"key1\": 3, \"key2\": 4 }",
                List.of(Arrays.asList("1", "2"),
                        Arrays.asList("3", "4")), false),
        new JsonCase("JSON045", "JsonScannerTest.test_duplicate_key", List.of("k1", "k2"), List.of("INT", "INT"), false, null, null,
                "{\"k1\": 1, \"k2\": 1, \"k2\": 1}\n{\"k1\": 2, \"k2\": 2, \"k2\": 2}\n",
                List.of(Arrays.asList("1", "1"),
                        Arrays.asList("2", "2")), false)
        );
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jsonCases")
    void scan(JsonCase c) throws Exception {
        // with jsonpaths the columns are positional, so they get plain names; without, the names match keys
        List<String> names = new ArrayList<>();
        for (int i = 0; i < c.columns().size(); i++) {
            names.add((c.jsonPaths() != null) ? "c" + i : c.columns().get(i));
        }
        StubTable.Builder builder = StubTable.builder("db", "t").column("row_key", "BIGINT");
        List<ValueType> types = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            builder.column(names.get(i), c.types().get(i));
            types.add(ValueType.parse(c.types().get(i)));
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("format", "json");
        headers.put("columns", String.join(",", names));
        headers.put("strip_outer_array", String.valueOf(c.stripOuterArray()));
        if (c.jsonPaths() != null) {
            headers.put("jsonpaths", c.jsonPaths());
        }
        if (c.jsonRoot() != null) {
            headers.put("json_root", c.jsonRoot());
        }
        ParsedBody parsed;
        try {
            LoadOptions options = LoadOptions.parse((name) -> headers.get(name.toLowerCase(java.util.Locale.ROOT)));
            LoadPlan plan = new LoadPlan(builder.build(), options);
            parsed = BodyParser.parse(new ByteArrayInputStream(c.body().getBytes(StandardCharsets.UTF_8)), options,
                    plan);
        }
        catch (LoadFailedException ex) {
            assertThat(c.refused()).as("refused with: " + ex.getMessage()).isTrue();
            return;
        }
        if (c.refused()) {
            assertThat(parsed.accepted()).as("a refused document loads no row").isEmpty();
            assertThat(parsed.errors()).isNotEmpty();
            return;
        }
        if (c.rows() == null) {
            return; // JSON043: the StarRocks test asserts only that reading does not fail
        }
        assertThat(parsed.accepted()).hasSameSizeAs(c.rows());
        for (int r = 0; r < c.rows().size(); r++) {
            String[] values = parsed.accepted().get(r).values();
            for (int i = 0; i < types.size(); i++) {
                StoredValues.assertSameValue(c.id() + " row " + r + " column " + c.columns().get(i), types.get(i),
                        values[i + 1], c.rows().get(r).get(i));
            }
        }
    }

    @Test
    void invalidJsonPathsAreRefusedWithTheScannersText() {
        // JSON011 JsonScannerTest.test_invalid_json_path: "parse error. Invalid json path"
        org.assertj.core.api.Assertions.assertThatExceptionOfType(LoadFailedException.class)
            .isThrownBy(() -> LoadOptions.parse((name) -> name.equals("jsonpaths") ? "invalid path"
                    : name.equals("format") ? "json" : null))
            .withMessageContaining("parse error. Invalid json path");
    }

    /**
     * Left out of {@code json_cases.tsv} (45 rows), and why: JSON001, JSON012-JSON016 (ARRAY columns and their
     * element conversion: the stub stores complex values as sent), JSON003-JSON005 (the debezium envelope, which the
     * stub refuses), JSON022 (JSON021 read twice), JSON023 and JSON025 (TIME, STRUCT, MAP values in the BE's debug
     * format), JSON027 ({@code $} into VARCHAR keeps the original text with its spacing; the stub re-serialises).
     * JSON011 is also checked for its message below.
     */
    @Test
    void portedCasesAreCounted() {
        assertThat(jsonCases().count()).isEqualTo(45 - 13);
    }

}
