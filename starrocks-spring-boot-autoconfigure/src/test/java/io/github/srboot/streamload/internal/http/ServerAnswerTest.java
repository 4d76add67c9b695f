package io.github.srboot.streamload.internal.http;

import io.github.srboot.streamload.LoadResult;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ServerAnswerTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void parsesABackendAnswer() {
        ServerAnswer answer = ServerAnswer.parse(this.mapper, """
                {"TxnId":1935,"Label":"l1","Status":"Success","Message":"OK","NumberTotalRows":3233,
                 "NumberLoadedRows":3230,"NumberFilteredRows":3,"NumberUnselectedRows":0,"LoadBytes":9999699,
                 "LoadTimeMs":5397,"BeginTxnTimeMs":1,"StreamLoadPlanTimeMs":2,"ReadDataTimeMs":3,
                 "WriteDataTimeMs":4,"CommitAndPublishTimeMs":5,"ErrorURL":"http://be:8040/api/_load_error_log?file=x",
                 "SomethingNew":true}""");
        assertThat(answer.status()).isEqualTo("Success");
        assertThat(answer.txnId()).isEqualTo(1935);
        assertThat(answer.loadedRows()).isEqualTo(3230);
        assertThat(answer.filteredRows()).isEqualTo(3);
        assertThat(answer.timings()).isEqualTo(new LoadResult.ServerTimings(5397, 1, 2, 3, 4, 5));
        assertThat(answer.errorUrl()).endsWith("file=x");
    }

    @Test
    void readsOlderLowerCaseFieldsAndPutTime() {
        ServerAnswer answer = ServerAnswer.parse(this.mapper,
                "{\"status\":\"FAILED\",\"msg\":\"There is no 100-continue header\",\"StreamLoadPutTimeMs\":7}");
        assertThat(answer.normalizedStatus()).isEqualTo("failed");
        assertThat(answer.message()).contains("100-continue");
        assertThat(answer.timings().streamLoadPlanTimeMs()).isEqualTo(7);
        assertThat(answer.txnId()).isEqualTo(-1);
    }

    @Test
    void labelAlreadyExistsCarriesTheExistingJobStatus() {
        ServerAnswer answer = ServerAnswer.parse(this.mapper,
                "{\"Status\":\"Label Already Exists\",\"ExistingJobStatus\":\"RUNNING\",\"Label\":\"l\"}");
        assertThat(answer.normalizedStatus()).isEqualTo("label already exists");
        assertThat(answer.existingJobStatus()).isEqualTo("RUNNING");
    }

    @Test
    void nonJsonIsNotAnAnswer() {
        assertThat(ServerAnswer.parse(this.mapper, "<html>bad gateway</html>")).isNull();
        assertThat(ServerAnswer.parse(this.mapper, "[1]")).isNull();
    }

    @Test
    void busyMessagesAreRecognised() {
        assertThat(LoadRunner.isBusy("Too many versions. tablet_id: 1, version_count: 1001, limit: 1000")).isTrue();
        assertThat(LoadRunner.isBusy("current running txns on db 10003 is 1000, larger than limit 1000")).isTrue();
        assertThat(LoadRunner.isBusy("too many filtered rows")).isFalse();
    }

    @Test
    void headersThatMakeTheBeSkipOrPickRowsAreRecognisedInAnyCase() {
        // the BE looks headers up with libevent's evhttp_find_header, which ignores case: "JSON_ROOT" and "JsonPaths"
        // pick rows out of the body as "json_root" and "jsonpaths" do, so NumberTotalRows need not match the rows sent
        assertThat(ServerAnswer.countsEveryRow(java.util.Map.of("format", "json", "columns", "a,b"))).isTrue();
        assertThat(ServerAnswer.countsEveryRow(java.util.Map.of("JSON_ROOT", "$.rows"))).isFalse();
        assertThat(ServerAnswer.countsEveryRow(java.util.Map.of("JsonPaths", "[\"$.a\"]"))).isFalse();
        assertThat(ServerAnswer.countsEveryRow(java.util.Map.of(" skip_HEADER ", "1"))).isFalse();
    }

}
