"""A third-party extension that replaces ``py:function`` with its own subclass."""

from sphinx.domains.python import PyFunction


class MarkedFunction(PyFunction):
    def run(self):
        result = super().run()
        for node in result:
            if node.tagname == "desc":
                node["classes"].append("by-extension")
        return result


def setup(app):
    app.add_directive_to_domain("py", "function", MarkedFunction, override=True)
    return {"parallel_read_safe": True}
