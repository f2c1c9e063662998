"""Turn partners' exports (CSV, Excel, JSON) into normalised source YAML, repeatably."""
