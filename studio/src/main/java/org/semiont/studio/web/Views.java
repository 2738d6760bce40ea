package org.semiont.studio.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;

/** Renders the precompiled templates (built by jte-maven-plugin: nothing is compiled at run time). */
final class Views {
    private final TemplateEngine engine = TemplateEngine.createPrecompiled(null, ContentType.Html, Views.class.getClassLoader(),
            "org.semiont.studio.templates");

    void render(Context ctx, String template, Object view) {
        StringOutput out = new StringOutput();
        engine.render(template, view, out);
        ctx.contentType("text/html; charset=utf-8").result(out.toString());
    }
}
