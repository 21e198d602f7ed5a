package de.sozialmonitor.cli;

import de.sozialmonitor.workspace.Workspace;
import de.sozialmonitor.workspace.WorkspaceInitializer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code init DIR}: writes a commented workspace skeleton with the default indicator catalog. */
@Command(name = "init", mixinStandardHelpOptions = true, resourceBundle = "i18n.cli.init",
        description = "Create a new workspace in DIR: sozialmonitor.yaml, indicators.yaml (the default catalog), sources/ and data/.")
public final class InitCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", descriptionKey = "dir", description = "Folder for the new workspace (created if missing)")
    Path dir;

    @Option(names = "--territory-code", paramLabel = "AGS", description = "AGS/ARS of the county or city, e.g. 03157")
    String territoryCode;

    @Option(names = "--territory-name", paramLabel = "NAME", description = "Name of the county or city, e.g. \"Landkreis Peine\"")
    String territoryName;

    @Override
    public Integer call() throws Exception {
        Messages messages = Messages.of(spec);
        Map<String, String> replacements = new LinkedHashMap<>();
        if (territoryCode != null) {
            if (!territoryCode.matches("[0-9]{2,12}")) {
                throw new CommandLine.ParameterException(spec.commandLine(), messages.get("init.badCode", territoryCode));
            }
            replacements.put("code: \"00000\"", "code: \"" + territoryCode + "\"");
        }
        if (territoryName != null) {
            replacements.put("name: \"Mein Landkreis\"", "name: \"" + territoryName.replace("\"", "'") + "\"");
        }
        if (Files.exists(dir.resolve(Workspace.CONFIG_FILE))) {
            spec.commandLine().getErr().println(messages.get("init.exists", dir.toAbsolutePath()));
            return ExitCodes.ERROR;
        }
        WorkspaceInitializer.create(dir, replacements);
        Workspace.open(dir);
        spec.commandLine().getOut().println(messages.get("init.done", dir.toAbsolutePath()));
        return ExitCodes.OK;
    }
}
