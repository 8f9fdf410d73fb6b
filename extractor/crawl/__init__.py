"""URL → archived response, politely and resumably."""
