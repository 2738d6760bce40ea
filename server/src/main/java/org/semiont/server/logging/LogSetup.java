package org.semiont.server.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.util.FileSize;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * Configures logging in code, because the file log's place depends on the data dir chosen at run
 * time: human lines on the console (stderr) and, for the server, the same events as JSON lines in
 * {@code <data-dir>/logs/semiont.log}, rotated by size.
 */
public final class LogSetup {
    public static final String LOG_FILE = "semiont.log";
    static final long MAX_FILE_BYTES = 10L * 1024 * 1024;
    static final int MAX_ROTATED_FILES = 5;

    private LogSetup() {
    }

    /** Console only, at {@code level} (CLI verbs use WARN so their own output stays readable). */
    public static void console(Level level) {
        LoggerContext ctx = reset();
        Logger root = ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(level);
        root.addAppender(consoleAppender(ctx));
        quietLibraries(ctx);
    }

    /** Console at INFO plus the rotated JSON file under {@code logDir}. */
    public static void server(Path logDir) {
        server(logDir, MAX_FILE_BYTES, 1000);
    }

    /** @param sizeCheckMillis how often the file size is checked (logback's default is once a minute) */
    static void server(Path logDir, long maxFileBytes, long sizeCheckMillis) {
        console(Level.INFO);
        LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
        ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(fileAppender(ctx, logDir, maxFileBytes, sizeCheckMillis));
    }

    private static LoggerContext reset() {
        LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
        ctx.reset();
        @SuppressWarnings("unchecked")
        Map<String, String> registry = (Map<String, String>) ctx.getObject(ch.qos.logback.core.CoreConstants.PATTERN_RULE_REGISTRY);
        if (registry == null) {
            registry = new HashMap<>();
            ctx.putObject(ch.qos.logback.core.CoreConstants.PATTERN_RULE_REGISTRY, registry);
        }
        registry.put("redactedMsg", RedactingConverter.class.getName());
        return ctx;
    }

    private static ConsoleAppender<ILoggingEvent> consoleAppender(LoggerContext ctx) {
        PatternLayoutEncoder enc = new PatternLayoutEncoder();
        enc.setContext(ctx);
        enc.setPattern("%d{HH:mm:ss.SSS} %-5level %logger{20} - %redactedMsg%n%ex{short}");
        enc.start();
        ConsoleAppender<ILoggingEvent> app = new ConsoleAppender<>();
        app.setContext(ctx);
        app.setName("console");
        app.setTarget("System.err");
        app.setEncoder(enc);
        app.start();
        return app;
    }

    private static RollingFileAppender<ILoggingEvent> fileAppender(LoggerContext ctx, Path logDir, long maxFileBytes, long sizeCheckMillis) {
        RollingFileAppender<ILoggingEvent> app = new RollingFileAppender<>();
        app.setContext(ctx);
        app.setName("json-file");
        app.setFile(logDir.resolve(LOG_FILE).toString());
        FixedWindowRollingPolicy rolling = new FixedWindowRollingPolicy();
        rolling.setContext(ctx);
        rolling.setParent(app);
        rolling.setFileNamePattern(logDir.resolve("semiont.%i.log").toString());
        rolling.setMinIndex(1);
        rolling.setMaxIndex(MAX_ROTATED_FILES);
        rolling.start();
        SizeBasedTriggeringPolicy<ILoggingEvent> trigger = new SizeBasedTriggeringPolicy<>();
        trigger.setContext(ctx);
        trigger.setMaxFileSize(new FileSize(maxFileBytes));
        trigger.setCheckIncrement(ch.qos.logback.core.util.Duration.buildByMilliseconds(sizeCheckMillis));
        trigger.start();
        JsonLineEncoder enc = new JsonLineEncoder();
        enc.setContext(ctx);
        enc.start();
        app.setRollingPolicy(rolling);
        app.setTriggeringPolicy(trigger);
        app.setEncoder(enc);
        app.start();
        return app;
    }

    private static void quietLibraries(LoggerContext ctx) {
        ctx.getLogger("io.zonky").setLevel(Level.WARN);
        ctx.getLogger("org.eclipse.jetty").setLevel(Level.WARN);
        ctx.getLogger("com.zaxxer.hikari").setLevel(Level.WARN);
        ctx.getLogger("io.javalin").setLevel(Level.WARN);
    }
}
