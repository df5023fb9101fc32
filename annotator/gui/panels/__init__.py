"""Side panels of the window: the document list, the label legend and the quotes of the open document."""
