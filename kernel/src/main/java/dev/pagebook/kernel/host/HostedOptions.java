package dev.pagebook.kernel.host;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pagebook.kernel.KernelOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@link KernelOptions} as the app sends them to a host, which runs them as its sole kernel. */
final class HostedOptions {

    private HostedOptions() {
    }

    static ObjectNode toMessage(KernelOptions options) {
        ObjectNode start = Wire.message("start");
        start.put("venv", options.venv() == null ? null : options.venv().toString());
        start.put("workingDirectory", options.workingDirectory().toString());
        start.put("streamCap", options.streamCap());
        start.put("pageConfig", options.pageConfigJson());
        options.warmImports().forEach(start.putArray("warmImports")::add);
        return start;
    }

    /** The host's own kernel never restarts: the app restarts a hosted kernel by starting a new host. */
    static KernelOptions fromMessage(JsonNode start) {
        JsonNode venv = start.path("venv");
        List<String> warm = new ArrayList<>();
        start.path("warmImports").forEach(module -> warm.add(module.asText()));
        return new KernelOptions(venv.isTextual() ? Path.of(venv.asText()) : null,
                Path.of(start.path("workingDirectory").asText()), start.path("streamCap").asLong(),
                start.path("pageConfig").asText("{}"), false, warm, true);
    }
}
